// What the fixtures of the flow-aware rules cannot show: deleted files (they only exist in a git change), the
// scopes `init` writes, and configuration written wrongly by hand.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinterConfig } from '../src/config/types.js';
import { lint } from '../src/engine/lint.js';
import { RuleRunner } from '../src/engine/run-rules.js';
import { classifyFileName } from '../src/project/metadata-types.js';
import { revocationImpact } from '../src/rules/revocation-impact.js';
import { initialAllowScopes, ScopeSet } from '../src/rules/util/flow-scopes.js';
import type { Flow, Located, RepoFile } from '../src/types.js';

const temporaryDirectories: string[] = [];
afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'calint-flow-'));
  temporaryDirectories.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function connectedApp(scopes: string[], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>admin@example.com</contactEmail>
    <label>App</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/callback</callbackUrl>
${extra}${scopes.map((scope) => `        <scopes>${scope}</scopes>\n`).join('')}    </oauthConfig>
</ConnectedApp>
`;
}

async function findingsOf(ruleId: string, files: Record<string, string>, config: LinterConfig = {}) {
  const root = project(files);
  const run = await lint({ cwd: root, paths: [root], config: { config }, only: [ruleId] });
  return run.results.flatMap((result) => result.findings);
}

const APP_PATH = 'force-app/main/default/connectedApps/Portal.connectedApp-meta.xml';

describe('revocation-impact on files the change deletes', () => {
  function findingsForDeleted(paths: string[]) {
    const runner = new RuleRunner({ rules: [revocationImpact], config: {}, cliEnvironment: undefined, root: '/repo' });
    for (const file of paths) {
      // As the engine hands a deleted file to the rules: with what its name says it is.
      const classified = classifyFileName(basename(file));
      const metadata = classified ? { metadata: { type: classified.type.name, name: classified.componentName, modelled: false } } : {};
      runner.file({ file, text: '', deleted: true, ...metadata } satisfies RepoFile);
    }
    return runner.findings;
  }

  it('reports a deleted Connected App or ECA header at line 1 of the deleted path, naming the app', () => {
    const findings = findingsForDeleted([
      '/repo/force-app/main/default/connectedApps/Legacy_Portal.connectedApp-meta.xml',
      '/repo/src/connectedApps/Old_Sync.connectedApp',
      '/repo/force-app/main/default/externalClientApps/Partner.eca-meta.xml',
    ]);
    expect(findings.map((finding) => [finding.at.file, finding.at.line, finding.at.column, finding.severity])).toEqual([
      ['/repo/force-app/main/default/connectedApps/Legacy_Portal.connectedApp-meta.xml', 1, 1, 'warning'],
      ['/repo/src/connectedApps/Old_Sync.connectedApp', 1, 1, 'warning'],
      ['/repo/force-app/main/default/externalClientApps/Partner.eca-meta.xml', 1, 1, 'warning'],
    ]);
    expect(findings[0]!.message).toContain('connected app "Legacy_Portal"');
    expect(findings[2]!.message).toContain('External Client App "Partner"');
  });

  it('ignores deleted files that are not an app header (ECA settings, other metadata, a deleted manifest)', () => {
    const findings = findingsForDeleted([
      '/repo/force-app/main/default/extlClntAppGlobalOauthSets/Partner.ecaGlblOauth-meta.xml',
      '/repo/force-app/main/default/classes/Foo.cls',
      '/repo/manifest/destructiveChanges.xml',
    ]);
    expect(findings).toEqual([]);
  });

  it('reads nothing from a hostile manifest (DOCTYPE) and does not crash', async () => {
    const findings = await findingsOf('revocation-impact', {
      'destructiveChanges.xml':
        '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x "Evil">]>\n<Package><types><members>&x;</members><name>ConnectedApp</name></types></Package>\n',
    });
    expect(findings).toEqual([]);
  });
});

describe('minimal-scopes with configuration written by hand', () => {
  it('refuses an allow option that is not a list: the engine checks options against the rule\'s schema', async () => {
    const run = findingsOf('minimal-scopes', { [APP_PATH]: connectedApp(['Api', 'RefreshToken', 'Web']) }, {
      rules: { 'minimal-scopes': ['warn', { allow: 'Api' }] },
    });
    await expect(run).rejects.toThrow('configuration: rules.minimal-scopes[1].allow must be an array');
  });

  it('keeps the string entries of an allowScopes list that holds other values too', async () => {
    const findings = await findingsOf('minimal-scopes', { [APP_PATH]: connectedApp(['Api', 'Web', 'Chatter']) }, {
      apps: { Portal: { allowScopes: [42, 'Web'] as unknown as string[] } },
    });
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('requests Chatter,')]);
  });

  it('treats aliases as one scope: allowing Basic allows Email and Profile', async () => {
    const findings = await findingsOf('minimal-scopes', { [APP_PATH]: connectedApp(['Api', 'Email', 'Profile', 'Web']) }, {
      apps: { Portal: { allowScopes: ['Basic'] } },
    });
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('requests Web,')]);
  });

  it('a declared flow wins over the inferred one: client-credentials allows only Api', async () => {
    const findings = await findingsOf('minimal-scopes', { [APP_PATH]: connectedApp(['Api', 'OpenID']) }, {
      apps: { Portal: { flow: 'client-credentials' } },
    });
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('beyond what client-credentials needs')]);
  });
});

describe('initialAllowScopes (what init writes)', () => {
  const app = (flow: Flow, scopes: string[]) => ({
    flows: { value: [flow], declared: false },
    scopes: scopes.map((value): Located<string> => ({ value, at: { file: 'x', line: 1, column: 1 } })),
  });

  it('writes nothing when the requested scopes are within the flow defaults', () => {
    expect(initialAllowScopes(app('web-server', ['Api', 'OfflineAccess', 'OpenID']))).toBeUndefined();
    expect(initialAllowScopes(app('jwt-bearer', ['Api']))).toBeUndefined();
    expect(initialAllowScopes(app('web-server', []))).toBeUndefined();
  });

  it('writes the requested scopes, once each and without Full, when they go beyond the defaults', () => {
    expect(initialAllowScopes(app('web-server', ['Api', 'Web', 'Full', 'Web', 'RefreshToken']))).toEqual(['Api', 'Web', 'RefreshToken']);
    expect(initialAllowScopes(app('jwt-bearer', ['Api', 'RefreshToken']))).toEqual(['Api', 'RefreshToken']);
  });

  it('a Full-only app gets no allowScopes: Full is for no-full-scope to report', () => {
    expect(initialAllowScopes(app('web-server', ['Full']))).toBeUndefined();
  });
});

describe('ScopeSet', () => {
  it('matches aliases both ways and ignores letter case', () => {
    const set = new ScopeSet(['offlineaccess']);
    expect(set.has('RefreshToken')).toBe(true);
    expect(set.has('OfflineAccess')).toBe(true);
    expect(set.has('Api')).toBe(false);
  });
});
