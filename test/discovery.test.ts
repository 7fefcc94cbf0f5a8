import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, listFilesAhead } from '../src/project/discover.js';
import { connectedApp, makeProject } from './helpers/cli.js';

/** git in `root`, with an identity for commits. */
const gitIn = (root: string) => (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });

/** `root` as a repository with every file committed. */
function commitAll(root: string, ...addFlags: string[]): void {
  const git = gitIn(root);
  git('init', '-q');
  git('add', '-A', ...addFlags);
  git('commit', '-qm', 'init');
}

const rel = (root: string, paths: string[]) => paths.map((path) => path.slice(root.length + 1)).sort();

describe('discovery', () => {
  const project = () =>
    makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'pkgs/billing' }] }),
      '.forceignore': '**/Ignored*\n',
      'force-app/main/default/connectedApps/A.connectedApp-meta.xml': connectedApp('A'),
      'force-app/main/default/connectedApps/Ignored_App.connectedApp-meta.xml': connectedApp('I'),
      'force-app/main/default/externalClientApps/E.eca-meta.xml': '<ExternalClientApplication/>',
      'force-app/main/default/extlClntAppGlobalOauthSets/E.ecaGlblOauth-meta.xml': '<x/>',
      'force-app/main/default/extlClntAppOauthSettings/E.ecaOauth-meta.xml': '<x/>',
      'force-app/main/default/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml': '<x/>',
      'force-app/main/default/extlClntAppPolicies/E.ecaPlcy-meta.xml': '<x/>',
      'force-app/main/default/authproviders/G.authprovider-meta.xml': '<AuthProvider/>',
      'force-app/main/default/classes/Foo.cls': 'public class Foo {}',
      'pkgs/billing/connectedApps/B.connectedApp': connectedApp('B'),
      'outside/connectedApps/NotInAPackage.connectedApp-meta.xml': connectedApp('N'),
      'node_modules/dep/connectedApps/Dep.connectedApp-meta.xml': connectedApp('D'),
      'manifest/destructiveChanges.xml': '<Package/>',
    });

  it('lints every package directory of sfdx-project.json, in source and Metadata API format, and marks .forceignore', () => {
    const root = project();
    const found = discover({ cwd: root, paths: [root] });
    expect(found.projectRoot).toBe(root);
    expect(rel(root, found.metadata.map((file) => file.path))).toEqual([
      'force-app/main/default/authproviders/G.authprovider-meta.xml',
      'force-app/main/default/connectedApps/A.connectedApp-meta.xml',
      'force-app/main/default/connectedApps/Ignored_App.connectedApp-meta.xml',
      'force-app/main/default/extlClntAppGlobalOauthSets/E.ecaGlblOauth-meta.xml',
      'force-app/main/default/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml',
      'force-app/main/default/extlClntAppOauthSettings/E.ecaOauth-meta.xml',
      'force-app/main/default/extlClntAppPolicies/E.ecaPlcy-meta.xml',
      'force-app/main/default/externalClientApps/E.eca-meta.xml',
      'pkgs/billing/connectedApps/B.connectedApp',
    ].sort());
    expect(found.metadata.filter((file) => file.forceIgnored).map((file) => file.classified.componentName)).toEqual(['Ignored_App']);
    expect(found.metadata.find((file) => file.path.endsWith('B.connectedApp'))?.classified.format).toBe('mdapi');
    // The repository-wide scan sees every file, outside package directories too, but never node_modules.
    expect(rel(root, found.scanFiles)).toContain('manifest/destructiveChanges.xml');
    expect(rel(root, found.scanFiles)).toContain('outside/connectedApps/NotInAPackage.connectedApp-meta.xml');
    expect(found.scanFiles.some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('finds sfdx-project.json above a linted sub-folder and lints only that folder', () => {
    const root = project();
    const found = discover({ cwd: root, paths: [join(root, 'pkgs')] });
    expect(found.projectRoot).toBe(root);
    expect(rel(root, found.metadata.map((file) => file.path))).toEqual(['pkgs/billing/connectedApps/B.connectedApp']);
  });

  it('without sfdx-project.json walks the folder', () => {
    const root = makeProject({ 'a/connectedApps/X.connectedApp': connectedApp('X'), 'b/deep/Y.connectedApp-meta.xml': connectedApp('Y') });
    expect(discover({ cwd: root, paths: [root] }).metadata.map((file) => file.classified.componentName)).toEqual(['X', 'Y']);
  });

  it('explicit files: known suffixes linted, others only scanned; an ECA file brings its companions', () => {
    const root = project();
    const policy = join(root, 'force-app/main/default/extlClntAppOauthPolicies/E.ecaOauthPlcy-meta.xml');
    const found = discover({ cwd: root, paths: [policy, join(root, 'force-app/main/default/classes/Foo.cls')] });
    expect(found.metadata.filter((file) => !file.companion).map((file) => file.path)).toEqual([policy]);
    expect(found.metadata.filter((file) => file.companion).map((file) => file.classified.type.name).sort()).toEqual([
      'ExternalClientApplication',
      'ExtlClntAppConfigurablePolicies',
      'ExtlClntAppGlobalOauthSettings',
      'ExtlClntAppOauthSettings',
    ]);
    expect(found.scanFiles).toHaveLength(2);
  });

  it('survives a symbolic link loop and skips .sf, .sfdx and .git', () => {
    const root = makeProject({
      'src/connectedApps/X.connectedApp-meta.xml': connectedApp('X'),
      '.sfdx/connectedApps/Cache.connectedApp-meta.xml': connectedApp('C'),
      '.sf/orgs/x.json': '{}',
    });
    mkdirSync(join(root, 'src/loop'));
    symlinkSync(join(root, 'src'), join(root, 'src/loop/back'));
    const found = discover({ cwd: root, paths: [root] });
    expect(found.metadata.map((file) => file.classified.componentName)).toEqual(['X']);
    expect(found.scanFiles.some((file) => file.includes('.sf'))).toBe(false);
  });

  it('in git, skips a folder the linter skips inside the repository, never the folders above it', () => {
    // The checkout itself lives under a folder named `.sf`: its files are linted; its own node_modules is not.
    const outer = makeProject({});
    const root = join(outer, '.sf', 'checkout');
    mkdirSync(join(root, 'src', 'connectedApps'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(root, 'src', 'connectedApps', 'X.connectedApp-meta.xml'), connectedApp('X'));
    writeFileSync(join(root, 'node_modules', 'pkg', 'index.js'), 'module.exports = 1;\n');
    commitAll(root, '--force');
    const found = discover({ cwd: root, paths: [root] });
    expect(rel(root, found.scanFiles)).toEqual(['src/connectedApps/X.connectedApp-meta.xml']);
    expect(found.metadata.map((file) => file.classified.componentName)).toEqual(['X']);
  });

  it('lists each file once and in order when the paths given overlap, in git and outside it', () => {
    for (const inGit of [false, true]) {
      const root = project();
      if (inGit) {
        commitAll(root);
      }
      const classes = join(root, 'force-app/main/default/classes');
      const found = discover({ cwd: root, paths: [join(root, 'force-app'), classes, join(classes, 'Foo.cls'), join(root, 'force-app/main')] });
      const files = rel(root, found.scanFiles);
      expect(new Set(files).size).toBe(files.length);
      expect(found.scanFiles).toEqual([...found.scanFiles].sort());
      expect(files).toContain('force-app/main/default/classes/Foo.cls');
      expect(found.metadata.filter((file) => file.path.endsWith('A.connectedApp-meta.xml'))).toHaveLength(1);
    }
  });

  it('finds a folder named like a metadata file among files listed before and after its sibling folders', () => {
    // git lists `dir/a`, `dir/sub.connectedApp/x`, `dir/z`: the folder `dir` comes back after its subfolder.
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
      'force-app/connectedApps/a.txt': 'a',
      'force-app/connectedApps/Odd.connectedApp-meta.xml/inner.txt': 'x',
      'force-app/connectedApps/z.txt': 'z',
    });
    commitAll(root);
    const found = discover({ cwd: root, paths: [root] });
    expect(rel(root, found.metadata.map((file) => file.path))).toEqual(['force-app/connectedApps/Odd.connectedApp-meta.xml']);
    expect(rel(root, found.scanFiles)).toEqual(['force-app/connectedApps/Odd.connectedApp-meta.xml/inner.txt', 'force-app/connectedApps/a.txt', 'force-app/connectedApps/z.txt', 'sfdx-project.json']);
  });

  it('honours config ignorePatterns', () => {
    const root = project();
    const found = discover({ cwd: root, paths: [root], ignorePatterns: ['pkgs/**'] });
    expect(found.metadata.some((file) => file.path.includes('pkgs'))).toBe(false);
  });

  it('finds the same files with git asked ahead, without blocking, as with git asked in discovery', async () => {
    const root = project();
    const git = gitIn(root);
    git('init', '-q');
    writeFileSync(join(root, '.gitignore'), 'Ignored.cls\n');
    git('add', 'force-app', '.gitignore', 'sfdx-project.json');
    git('commit', '-qm', 'init');
    // Tracked, untracked and ignored files, in two folders given at once.
    writeFileSync(join(root, 'force-app/main/default/classes/Untracked.cls'), 'public class Untracked {}');
    writeFileSync(join(root, 'force-app/main/default/classes/Ignored.cls'), 'public class Ignored {}');
    const options = { cwd: root, paths: [join(root, 'force-app'), join(root, 'pkgs')] };
    const ahead = await listFilesAhead(options);
    expect(ahead.listed?.listing).toBeDefined();
    const withAhead = discover(ahead);
    expect(withAhead).toEqual(discover(options));
    expect(rel(root, withAhead.scanFiles)).toContain('force-app/main/default/classes/Untracked.cls');
    expect(rel(root, withAhead.scanFiles)).not.toContain('force-app/main/default/classes/Ignored.cls');
    expect(rel(root, withAhead.scanFiles)).toContain('pkgs/billing/connectedApps/B.connectedApp');
  });
});
