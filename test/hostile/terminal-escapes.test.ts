// Escape sequences written as character references in XML values (`&#27;[2K` erases the line, an OSC sequence sets
// the window title, BEL rings) are quoted by rule messages: they must come out as visible text, never act.
import { describe, expect, it } from 'vitest';
import { makeProject, spawnCli } from '../helpers/cli.js';

const app = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>A</label>
    <oauthConfig>
        <callbackUrl>http://app&#27;[2K&#27;]0;pwned&#7;&#x9b;31m.example.com/cb</callbackUrl>
        <isAdminApproved>maybe&#27;[2K</isAdminApproved>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`;

const root = makeProject({
  'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
  'force-app/main/default/connectedApps/A.connectedApp-meta.xml': app,
});

/** C0 controls other than the line break that ends each line, DEL, C1 controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The messages of a report, as the reader of that format gets them. */
function messages(format: string, stdout: string): string[] {
  if (format === 'json') {
    return (JSON.parse(stdout) as { findings?: { message: string }[]; messages?: { message: string }[] }[]).flatMap((entry) => (entry.findings ?? entry.messages ?? []).map((finding) => finding.message));
  }
  if (format === 'sarif') return (JSON.parse(stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map((result) => result.message.text);
  return stdout.split('\n');
}

describe('control characters in XML values', () => {
  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`are escaped in --format ${format}`, () => {
      const result = spawnCli(['lint', '--format', format, '.'], { cwd: root });
      expect(result.status).toBe(1);
      const shown = messages(format, result.stdout);
      expect(shown.join('\n')).toContain('\\x1b[2K'); // quoted, visibly
      for (const line of [...shown, ...result.stderr.split('\n')]) expect(line).not.toMatch(RAW_CONTROL);
    });
  }
});
