// An External Client App is assembled from its files by the app each names (`<externalClientApplication>`), one per
// type. A pull request that added a second file of a type for the same app (`Aaa.ecaOauthPlcy-meta.xml`, sorted first,
// with a safe value) made the linter judge that one and pass over the app's real, insecure policy file in silence:
// the gate went green. Two files of a type for one app are now an error on each, so the gate cannot be passed that way.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { writeFiles } from '../helpers/git.js';

const FIXTURE = join(REPO, 'fixtures', 'rules', 'ip-relaxation-enforced', 'bad-eca');
const POLICIES = 'force-app/main/default/extlClntAppOauthPolicies';

const policy = (relaxation: string, app = 'Partner') => `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
    <commaSeparatedProfile>Integration User</commaSeparatedProfile>
    <ipRelaxationPolicyType>${relaxation}</ipRelaxationPolicyType>
    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
    <externalClientApplication>${app}</externalClientApplication>
    <label>Partner policy</label>
</ExtlClntAppOauthConfigurablePolicies>
`;

function project(extra: Record<string, string>): string {
  const root = tempDir();
  cpSync(FIXTURE, root, { recursive: true });
  writeFiles(root, { 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), ...extra });
  return root;
}

describe('a second policy file for the same External Client App', () => {
  it('fails the gate, named on each of the two files', async () => {
    const root = project({ [`${POLICIES}/Aaa.ecaOauthPlcy-meta.xml`]: policy('Enforce') });
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[]).flatMap((file) =>
      file.messages.map((message) => ({ ...message, file: file.filePath })),
    );
    const duplicate = findings.filter((finding) => finding.ruleId === 'valid-metadata' && finding.severity === 2);
    expect(duplicate.length).toBeGreaterThan(0);
    expect(duplicate.map((finding) => finding.message).join('\n')).toMatch(/Partner/);
    expect(duplicate[0]?.message).toMatch(/also configures app "Partner", and only one file per app applies/);
    expect(duplicate.map((finding) => finding.file.split('/').pop()).sort()).toEqual(['Aaa.ecaOauthPlcy-meta.xml', 'Partner.ecaOauthPlcy-meta.xml']);
  });

  it('is not reported for two apps with one policy each', async () => {
    const root = project({ [`${POLICIES}/Other.ecaOauthPlcy-meta.xml`]: policy('Enforce', 'Other') });
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(run.stdout).not.toContain('valid-metadata');
    expect(run.stdout).toContain('ip-relaxation-enforced'); // Partner's own policy is still judged
  });
});
