import { PACKAGE_INFO } from './package-info.generated.js';

/**
 * The repository's web address, from package.json's `repository` (`git+https://host/owner/name.git`, or the
 * `github:owner/name` shorthand) or else its `homepage` without the fragment, so that a fork that edits package.json
 * gets links to its own pages.
 */
export function repositoryWebUrl(info: { repository: string; homepage: string } = PACKAGE_INFO): string {
  const shorthand = /^github:([^/]+\/[^/]+)$/.exec(info.repository);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const url = info.repository.replace(/^git\+/, '').replace(/\.git$/, '');
  if (/^https:\/\//.test(url)) return url;
  return info.homepage.replace(/#.*$/, '');
}
