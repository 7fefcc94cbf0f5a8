/**
 * The repository's web address, from package.json's `repository` (`git+https://host/owner/name.git`, or the
 * `github:owner/name` shorthand) or else its `homepage` without the fragment, so that a fork that edits package.json
 * gets links to its own pages.
 */
export declare function repositoryWebUrl(info?: {
    repository: string;
    homepage: string;
}): string;
