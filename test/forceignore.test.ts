import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForceIgnoreMatcher } from '../src/project/forceignore.js';

// SDR's denies() logs through @salesforce/core's Logger; keep it in memory instead of
// writing ~/.sf log files from a worker thread.
process.env.SF_DISABLE_LOG_FILE = 'true';

// SDR's package index does not load on Node 20 (undici needs zstd), so take the class
// from its own file.
interface SdrForceIgnore {
  denies(fsPath: string): boolean;
}
const { ForceIgnore } = createRequire(import.meta.url)(
  '@salesforce/source-deploy-retrieve/lib/src/resolve/forceIgnore.js',
) as { ForceIgnore: new (forceIgnorePath?: string) => SdrForceIgnore };

/** .forceignore contents per scenario; each gets its own temp project. */
const BASE_LINES = [
  '# comment: force-app/main/default/connectedApps/x.connectedApp-meta.xml',
  '',
  '**/__tests__/**',
  'legacy/**',
  '*.dup',
  '!keep.dup',
  'build/',
  '/rootonly.txt',
  'docs/*.md',
  '!docs/keep.md',
  '*.log',
  '   ',
  '\\#hash.txt',
  'trail.txt   ',
  '**/jsconfig.json',
  '.sf/orgs/*/remoteMetadata/skip/**',
  '!.sfdx',
  'sfdx-project.json/',
];

const SCENARIOS: Record<string, string> = {
  lf: BASE_LINES.join('\n'),
  crlf: BASE_LINES.join('\r\n') + '\r\n',
  bom: '\uFEFF' + BASE_LINES.join('\n'),
  empty: '',
  // Windows separators: SDR only warns; ignore 5 and 7 disagree on what they match.
  backslash: ['force-app\\main\\default\\legacy', 'legacy\\**', 'docs\\', 'a\\b'].join('\n'),
  // Patterns whose meaning changed between ignore 5 (SDR's) and ignore 7.
  globEdges: ['[!a]x.xml', '[[:alpha:]]1.txt', 'a/***/b', 'x\\*', '[z-a].txt'].join('\n'),
  unpackaged: [
    '**/unpackaged/**',
    '**/*.connectedApp-meta.xml',
    '!force-app/main/default/connectedApps/x.connectedApp-meta.xml',
  ].join('\n'),
  allButXml: ['*', '!*/', '!*.xml', '!.sf/**'].join('\n'),
  dirsOnly: ['force-app/main/', '/tools/', '**/connectedApps/'].join('\n'),
};

/** Entries created on disk, so SDR's "existing file vs maybe-directory" check matters. */
const FILES = [
  'force-app/main/default/connectedApps/x.connectedApp-meta.xml',
  'force-app/main/default/connectedApps/y.connectedApp-meta.xml.dup',
  'force-app/main/default/externalClientApps/e.eca-meta.xml',
  'force-app/main/default/.eslintrc.json',
  'force-app/legacy/x.xml',
  'legacy/old.connectedApp-meta.xml',
  'legacy/sub/deep/z.xml',
  'src/__tests__/a.test.js',
  '.gitignore',
  '.git/config',
  '.sf/config.json',
  '.sf/orgs/00D000/remoteMetadata/x.xml',
  '.sf/orgs/00D000/other.json',
  '.sfdx/x.json',
  'tools/build', // a FILE named like the `build/` directory pattern
  'build/out.js',
  'rootonly.txt',
  'sub/rootonly.txt',
  'package2-descriptor.json',
  'sub/package2-manifest.json',
  'x.dup',
  'keep.dup',
  'docs/readme.md',
  'docs/keep.md',
  'docs/sub/a.md',
  'logs/a.log',
  '#hash.txt',
  'trail.txt',
  'sfdx-project.json',
  'jsconfig.json',
  'unpackaged/package.xml',
  'bx.xml',
  'ax.xml',
  'A1.txt',
  'a/c/b',
  'x',
  'z.txt',
  'sub/.forceignore',
];

/** Paths queried; `<root>` is the project root, `<tmp>` its parent directory. */
const PATHS = [
  ...FILES.map((f) => `<root>/${f}`),
  '<root>/force-app/main/default/connectedApps',
  '<root>/force-app/main/default/connectedApps/',
  '<root>/force-app/main',
  '<root>/legacy',
  '<root>/legacy/',
  '<root>/src/__tests__',
  '<root>/__tests__/missing.js',
  '<root>/.forceignore',
  '<root>/.sf',
  '<root>/.sf/orgs',
  '<root>/.sf/orgs/00D000/remoteMetadata',
  '<root>/.sf/orgs/00D000/remoteMetadata/skip/y.xml',
  '<root>/.sfdx',
  '<root>/build',
  '<root>/tools',
  '<root>/missing/build', // absent on disk: SDR assumes it may be a directory
  '<root>/missing/deep/file.connectedApp-meta.xml',
  '<root>/docs',
  '<root>/a/b',
  '<root>/a/x/y/b',
  '<root>/force-app\\main\\default\\legacy', // a literal backslash in a POSIX name
  '<root>/force-app/../legacy/x.xml', // non-normalised, resolves back inside
  '<root>/../<name>/legacy/y.xml',
  '<root>', // the root itself: relative path '' makes `ignore` throw
  '<root>/',
  '<tmp>', // outside: '../…' makes `ignore` throw
  '<tmp>/elsewhere/x.dup',
  '<tmp>/elsewhere/.hidden',
  '<root>-sibling/legacy/x.xml', // shares the root's string prefix only
  '/x.dup',
  'legacy/relative.xml', // relative input: SDR resolves it against the root
  'x.dup',
];

let tmp: string;
const roots = new Map<string, string>();
/** One SDR instance per project: its constructor emits process warnings for some files. */
const sdrByRoot = new Map<string, SdrForceIgnore>();
const sdrFor = (root: string): SdrForceIgnore => {
  let sdr = sdrByRoot.get(root);
  if (!sdr) sdrByRoot.set(root, (sdr = new ForceIgnore(join(root, '.forceignore'))));
  return sdr;
};

function expand(template: string, root: string): string {
  return template
    .replaceAll('<root>', root)
    .replaceAll('<tmp>', dirname(root))
    .replaceAll('<name>', basename(root));
}

function makeProject(name: string, contents: string | undefined): string {
  const root = join(tmp, name);
  for (const f of FILES) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  if (contents !== undefined) writeFileSync(join(root, '.forceignore'), contents);
  return root;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'calint-forceignore-'));
  for (const [name, contents] of Object.entries(SCENARIOS)) roots.set(name, makeProject(name, contents));
  roots.set('none', makeProject('none', undefined));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(Object.keys(SCENARIOS))('scenario %s: load() agrees with SDR ForceIgnore', (name) => {
  it.each(PATHS)('%s', (template) => {
    const root = roots.get(name)!;
    const p = expand(template, root);
    const sdr = sdrFor(root).denies(p);
    expect(ForceIgnoreMatcher.load(root, root).denies(p)).toBe(sdr);
    expect(ForceIgnoreMatcher.fromContents(root, SCENARIOS[name]).denies(p)).toBe(sdr);
  });
});

describe('without a .forceignore', () => {
  it.each(PATHS)('%s is never denied, like SDR', (template) => {
    const root = roots.get('none')!;
    const p = expand(template, root);
    expect(sdrFor(root).denies(p)).toBe(false);
    expect(ForceIgnoreMatcher.load(root, root).denies(p)).toBe(false);
    expect(ForceIgnoreMatcher.fromContents(root, undefined).denies(p)).toBe(false);
  });
});

// Pinned answers, so that the comparison above cannot pass with both sides wrong in the
// same way (e.g. SDR swallowing an error and accepting everything).
describe('known answers (lf scenario)', () => {
  const cases: Array<[string, boolean]> = [
    ['<root>/force-app/main/default/connectedApps/x.connectedApp-meta.xml', false],
    ['<root>/force-app/main/default/connectedApps/y.connectedApp-meta.xml.dup', true],
    ['<root>/legacy/sub/deep/z.xml', true],
    ['<root>/force-app/legacy/x.xml', false], // `legacy/**` is anchored to the root
    ['<root>/src/__tests__/a.test.js', true],
    ['<root>/.forceignore', true], // `**/.*` default covers the file itself
    ['<root>/.sf/orgs/00D000/remoteMetadata/x.xml', false],
    ['<root>/.sf/orgs/00D000/other.json', true],
    ['<root>/keep.dup', false],
    ['<root>/build/out.js', true],
    ['<root>/tools/build', false], // an existing file does not match `build/`
    ['<root>/missing/build', true], // a missing path is tried as a directory
    ['<root>/rootonly.txt', true],
    ['<root>/sub/rootonly.txt', false],
    ['<root>/#hash.txt', true],
    ['<root>/trail.txt', true],
    ['<root>/sfdx-project.json', false],
    ['<root>', false],
    ['<tmp>/elsewhere/x.dup', false], // outside the root: never denied
    ['<root>-sibling/legacy/x.xml', false],
  ];
  it.each(cases)('%s -> %s', (template, expected) => {
    const root = roots.get('lf')!;
    const p = expand(template, root);
    expect(sdrFor(root).denies(p)).toBe(expected);
    expect(ForceIgnoreMatcher.load(root, root).denies(p)).toBe(expected);
  });

  it('CRLF and BOM files behave exactly like the LF file', () => {
    const answers = (name: string) =>
      PATHS.map((t) => ForceIgnoreMatcher.load(roots.get(name)!, roots.get(name)!).denies(expand(t, roots.get(name)!)));
    expect(answers('crlf')).toEqual(answers('lf'));
    expect(answers('bom')).toEqual(answers('lf'));
  });
});
