import { ForceIgnoreMatcher } from './forceignore.js';
/**
 * Where a run stands, worked out once: the paths asked about, the SFDX project and its package directories, the git
 * work tree, `.forceignore`. Discovery, the secret scan, the configuration lookup, the default baseline and
 * `--staged` / `--changed-since` all read it, so they never answer "which project?" differently.
 */
export interface LintScope {
    cwd: string;
    /** The paths asked about, absolute (the working directory when none was given). */
    paths: string[];
    /** Where the project and the configuration are looked up from: the one directory linted, else the working directory. */
    anchor: string;
    project?: SfdxProject;
    /** The top of the git work tree around the anchor; undefined outside git. */
    gitRoot?: string;
    /** Where repository-relative paths start: the git root, else the SFDX project root, else the working directory. */
    root: string;
    /** The project's `.forceignore`; undefined without a project or under `--no-ignore`. */
    forceIgnore?: ForceIgnoreMatcher;
}
export interface SfdxProject {
    root: string;
    packageDirectories: string[];
    /** What is wrong with sfdx-project.json, said to the user instead of silently linting less. */
    problems: string[];
}
export declare function resolveLintScope(options: {
    cwd: string;
    paths?: readonly string[];
    noIgnore?: boolean;
}): LintScope;
/**
 * The `sfdx-project.json` at or above `start` that decides, with its package directories as absolute paths: inside git
 * the outermost one up to the git root (`repository`), as the Salesforce CLI deploys the repository's project and
 * never a second sfdx-project.json a pull request adds inside a package directory (which would otherwise list an
 * empty folder and hide every app); outside git the nearest. A nested one passed over is named in `problems`. The file
 * is read never through a symbolic link out of `repository`, or out of its own folder outside git.
 */
export declare function findSfdxProject(start: string, repository: string | undefined): SfdxProject | undefined;
/**
 * The `packageDirectories[].path` values of an sfdx-project.json text, as written (relative to its folder): for the
 * project on disk and for one at a git revision (the posture diff). Throws when the text is not such a file.
 */
export declare function packageDirectoryPaths(text: string): string[];
