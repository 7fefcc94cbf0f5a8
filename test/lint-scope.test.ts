// One answer whatever the entry point: an External Client App is judged with all of its files in the project, whether
// the project, the folder of one of its parts, or one file is linted; the findings on a file are the same each time.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECA_PATHS, externalClientApp } from './helpers/apps.js';
import { connectedApp, makeProject } from './helpers/cli.js';
import { runMain } from './helpers/in-process.js';

const SFDX = '{"packageDirectories":[{"path":"force-app"}]}';

async function findingsOn(root: string, path: string, file: string): Promise<string[]> {
  const run = await runMain(['lint', '--format', 'json', path], root);
  expect(run.status, run.stderr).toBeLessThan(2);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  return results.filter((result) => result.filePath === join(root, file)).flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId}`)).sort();
}

describe('an External Client App is judged with all of its files', () => {
  const project = () =>
    makeProject({
      'sfdx-project.json': SFDX,
      ...externalClientApp('Partner', { scopes: 'Full, RefreshToken', ipRelaxation: 'BypassIpRestriction' }),
      'force-app/main/default/connectedApps/Other.connectedApp-meta.xml': connectedApp('Other'),
    });

  it.each([
    ['the policies folder', 'force-app/main/default/extlClntAppOauthPolicies', ECA_PATHS.policy('Partner')],
    ['the OAuth settings folder', 'force-app/main/default/extlClntAppOauthSettings', ECA_PATHS.oauth('Partner')],
    ['one file', ECA_PATHS.policy('Partner'), ECA_PATHS.policy('Partner')],
  ])('linting %s gives the same findings on its files as linting the project', async (_name, path, file) => {
    const root = project();
    const whole = await findingsOn(root, '.', file);
    expect(whole.length).toBeGreaterThan(0);
    expect(await findingsOn(root, path, file)).toEqual(whole);
  });
});
