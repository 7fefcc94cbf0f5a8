// A metadata file nested thousands of levels deep, disguised from a nesting check that counts `<` and `</`
// without knowing comments: the model walks the tree recursively, and the run died with "Maximum call stack size
// exceeded" (exit 2, no finding for any app). It must be a parse error on that file, and the other apps linted.
import { describe, expect, it } from 'vitest';
import { connectedApp, makeProject, spawnCli } from '../helpers/cli.js';

const SRC = 'force-app/main/default/connectedApps';

describe('an app nested 5,000 levels deep behind a comment', () => {
  it('is a parse error on its file, and the other apps are still linted', () => {
    const levels = 5000;
    const deep = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><!--${'</a>'.repeat(levels)}--><label>Deep</label><oauthConfig>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}</oauthConfig></ConnectedApp>
`;
    const root = makeProject({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }),
      [`${SRC}/Deep.connectedApp-meta.xml`]: deep,
      [`${SRC}/Full.connectedApp-meta.xml`]: connectedApp('Full', ['Full']),
    });
    const result = spawnCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(result.stderr).not.toContain('call stack');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const messagesOf = (name: string) => json.find((file) => file.filePath.endsWith(name))?.messages ?? [];
    expect(messagesOf('Deep.connectedApp-meta.xml')).toEqual([expect.objectContaining({ ruleId: 'parse-error', message: expect.stringContaining('nested deeper than 64 levels') })]);
    expect(messagesOf('Full.connectedApp-meta.xml').map((message) => message.ruleId)).toContain('no-full-scope');
  });
});
