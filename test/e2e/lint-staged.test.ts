import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, connectedApp, REPO, tempDir } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';

const LINT_STAGED = join(REPO, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js');
const appPath = (name: string) => `${TYPES}/connectedApps/${name}.connectedApp-meta.xml`;

/** The `lint-staged` configuration docs/pre-commit.md recommends, as written there. */
function documentedRecipe(): Record<string, string> {
  const docs = readFileSync(join(REPO, 'docs', 'pre-commit.md'), 'utf8');
  const block = /```json\n\/\/ package\.json\n([\s\S]*?)```/.exec(docs);
  if (!block) throw new Error('docs/pre-commit.md has no package.json block for lint-staged');
  return (JSON.parse(block[1]!) as { 'lint-staged': Record<string, string> })['lint-staged'];
}

/** Runs lint-staged for real in `cwd`, as a husky pre-commit hook would. */
function lintStaged(cwd: string): { status: number; output: string } {
  const run = spawnSync(process.execPath, [LINT_STAGED], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' } });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

describe('lint-staged recipe (docs/pre-commit.md)', () => {
  it('lints the staged files lint-staged passes (absolute paths, several per call) and blocks on findings', () => {
    // The documented command, with our bin spelled out and a JSON report to see what one call received.
    const report = join(tempDir('calint-report-'), 'report.json');
    const recipe = Object.fromEntries(
      Object.entries(documentedRecipe()).map(([glob, command]) => [glob, command.replace(/^connected-app-lint lint/, `node ${BIN} lint --format json --output-file ${report}`)]),
    );
    expect(Object.values(recipe)).toEqual([`node ${BIN} lint --format json --output-file ${report}`]);
    const authFile = readFileSync(join(REPO, 'fixtures/rules/no-secrets-in-repo/bad-auth-url/authFile.json'), 'utf8');
    const root = gitRepository({
      'sfdx-project.json': SFDX_PROJECT,
      '.lintstagedrc.json': JSON.stringify(recipe),
      [appPath('One')]: connectedApp('One'),
      [appPath('Two')]: connectedApp('Two'),
      [appPath('Clean')]: connectedApp('Clean'),
    });
    writeFiles(root, {
      [appPath('One')]: connectedApp('One', ['Full']),
      [appPath('Two')]: connectedApp('Two', ['Full']),
      [appPath('Clean')]: connectedApp('Clean v2'),
      '.env.local': authFile,
    });
    git(root, 'add', '-A');

    const blocked = lintStaged(root);
    expect(blocked.status, blocked.output).toBe(1);
    // One report holding every staged file: lint-staged called the linter once, with all the paths, absolute.
    const results = JSON.parse(readFileSync(report, 'utf8')) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const top = realpathSync(root);
    expect(results.map((result) => result.filePath).sort()).toEqual(['.env.local', appPath('Clean'), appPath('One'), appPath('Two')].map((path) => join(top, path)));
    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath.replace(`${top}/`, '')}:${message.line} ${message.ruleId}`)).sort()).toEqual([
      '.env.local:5 no-secrets-in-repo',
      `${appPath('One')}:8 no-full-scope`,
      `${appPath('Two')}:8 no-full-scope`,
    ]);

    git(root, 'rm', '-q', '--cached', '.env.local');
    writeFiles(root, { [appPath('One')]: connectedApp('One'), [appPath('Two')]: connectedApp('Two') });
    git(root, 'add', appPath('One'), appPath('Two'));
    const passed = lintStaged(root);
    expect(passed.status, passed.output).toBe(0);
  });
});
