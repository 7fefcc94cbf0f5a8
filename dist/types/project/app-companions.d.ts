export declare function isExternalClientAppFile(path: string): boolean;
/**
 * The External Client App a file belongs to, as the model joins them: the header file's own name, the settings
 * files' `externalClientApplication` element (their file names may differ: `MyAppGlblOAuth.ecaGlblOauth`), else the
 * file's name. `text` undefined (unreadable) falls back to the name.
 */
export declare function externalClientAppName(path: string, text: string | undefined): string | undefined;
/**
 * git pathspecs (repository-relative) for every External Client App file in the sibling folders of these files'
 * folders: the SFDX layout puts each ECA type in its own folder under one parent (`externalClientApps/`,
 * `extlClntAppGlobalOauthSets/` …). A file at the top of the repository has no siblings: its own folder is used.
 */
export declare function externalClientAppPathspecs(repositoryPaths: readonly string[]): string[];
/**
 * The other files of the apps the `seeds` belong to, among `candidates`: an ECA whose policy file alone changed is
 * linted whole, its unchanged files included, or a rule would judge half an app.
 */
export declare function sameAppFiles(seeds: readonly {
    path: string;
    text: string | undefined;
}[], candidates: readonly {
    path: string;
    text: string | undefined;
}[]): string[];
/**
 * The other files of the External Client Apps among `files` (explicit paths, as pre-commit passes them), from disk.
 * Looked for in the sibling folders of each file's folder: every ECA file of the file's own folder and of the
 * standard ECA folders (`externalClientApps/`, `extlClntAppOauthSettings/` …), and, in the other folders, files
 * named like the file or its app. Listing every sibling folder whole would read `classes/` and the like: thousands
 * of names for a pre-commit run that has a budget of a few hundred milliseconds.
 */
export declare function externalClientAppCompanionsOnDisk(files: readonly string[], root: string): string[];
