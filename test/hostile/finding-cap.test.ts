// A Connected App with 620,000 plain-http callbacks (9 MB, under the size cap) used to cost a finding object, message
// and fingerprint per callback: 17 s and 1.3 GB for one file, out of memory for four. One rule now lists at most
// MAX_FINDINGS_PER_RULE_PER_FILE findings per file and one summary finding for the rest, at the first one left out.
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE_PER_FILE } from '../../src/engine/finding-cap.js';
import { RuleRunner } from '../../src/engine/run-rules.js';
import { buildModel } from '../../src/model/build.js';
import { parseXml } from '../../src/parser/xml.js';
import { builtinRules } from '../../src/rules/index.js';
import type { LinterConfig } from '../../src/config/types.js';
import { connectedAppWithCallbacks, numberedUrls } from '../helpers/apps.js';
import { makeProject, runCli } from '../helpers/cli.js';
import { expectLinearGrowth } from './linear-time.js';

const APP_FILE = 'force-app/main/default/connectedApps/Flood.connectedApp-meta.xml';
/** The line of the callback at `index`: the list starts on line 6 of connectedAppWithCallbacks. */
const lineOf = (index: number) => 6 + index;

interface JsonFinding {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  fingerprint: string;
}

/** Lints a project holding one Connected App with these callbacks (JSON report); the exit code and its findings. */
async function lintApp(urls: readonly string[], args: string[] = [], config?: object): Promise<{ status: number; findings: JsonFinding[] }> {
  const files: Record<string, string> = {
    'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }),
    [APP_FILE]: connectedAppWithCallbacks('Flood', urls),
  };
  if (config) files['.connected-app-lint.json'] = JSON.stringify(config);
  const root = makeProject(files);
  const result = await runCli(['lint', '--format', 'json', ...args, '.'], { cwd: root });
  expect(result.stderr).not.toMatch(/internal error/i);
  const report = JSON.parse(result.stdout) as { messages: JsonFinding[] }[];
  return { status: result.status, findings: report.flatMap((file) => file.messages) };
}

const ofRule = (findings: JsonFinding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);

describe('a Connected App with 50,000 plain-http callbacks', () => {
  it(`lists ${MAX_FINDINGS_PER_RULE_PER_FILE} of them and one error for the rest, at the first left out, and fails the run`, async () => {
    const { status, findings } = await lintApp(numberedUrls('http://partner.example.com/cb/', 50_000));
    const https = ofRule(findings, 'callback-url-https');
    expect(https).toHaveLength(MAX_FINDINGS_PER_RULE_PER_FILE + 1);
    const summary = https.filter((finding) => / more callback-url-https findings /.test(finding.message));
    expect(summary).toEqual([
      expect.objectContaining({
        severity: 2,
        line: lineOf(MAX_FINDINGS_PER_RULE_PER_FILE),
        message: `App "Flood": 49,900 more callback-url-https findings beyond the first ${MAX_FINDINGS_PER_RULE_PER_FILE} in this file are not listed`,
      }),
    ]);
    expect(summary[0]!.message.length).toBeLessThanOrEqual(120);
    // The listed ones are the first callbacks, in order.
    expect(https.filter((finding) => finding !== summary[0]).map((finding) => finding.line)).toEqual(numberedUrls('', MAX_FINDINGS_PER_RULE_PER_FILE).map((index) => lineOf(Number(index))));
    expect(status).toBe(1);
  });

  it('costs time in proportion to the callbacks, from the model to the findings', async () => {
    const rules = builtinRules.filter((rule) => rule.meta.id === 'callback-url-https' || rule.meta.id === 'callback-url-exact');
    const input = (count: number) => connectedAppWithCallbacks('Flood', numberedUrls('http://partner.example.com/cb/', count));
    let runner: RuleRunner | undefined;
    const run = (text: string) => {
      const parsed = parseXml(`/p/${APP_FILE}`, text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const model = buildModel([{ path: `/p/${APP_FILE}`, type: 'ConnectedApp', componentName: 'Flood', forceIgnored: false, doc: parsed.doc }]);
      runner = new RuleRunner({ rules, config: {}, cliEnvironment: undefined, root: '/p' });
      runner.apps(model.apps);
    };
    await expectLinearGrowth(input, run, 5_000);
    // Held: the listed findings and one summary, however many callbacks the file registers.
    expect(runner!.findings).toHaveLength(MAX_FINDINGS_PER_RULE_PER_FILE + 1);
    expect(runner!.findings.at(-1)).toMatchObject({ omitted: 20_000 - MAX_FINDINGS_PER_RULE_PER_FILE, severity: 'error' });
  });

  it('compares them with a long declared list in linear time (one look-up per callback, not a search)', async () => {
    const rules = builtinRules.filter((rule) => rule.meta.id === 'callback-url-exact');
    // The declared list grows with the registered one and shares no URL with it: every registered callback is looked
    // up among the declared ones.
    const configs = new Map<string, LinterConfig>();
    const input = (count: number) => {
      const text = connectedAppWithCallbacks('Flood', numberedUrls('https://registered.example.com/cb/', count));
      configs.set(text, { apps: { Flood: { callbackUrls: numberedUrls('https://declared.example.com/cb/', count) } } });
      return text;
    };
    const run = (text: string) => {
      const config = configs.get(text)!;
      const parsed = parseXml(`/p/${APP_FILE}`, text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const model = buildModel([{ path: `/p/${APP_FILE}`, type: 'ConnectedApp', componentName: 'Flood', forceIgnored: false, doc: parsed.doc }], (name) => config.apps?.[name]);
      new RuleRunner({ rules, config, cliEnvironment: undefined, root: '/p' }).apps(model.apps);
    };
    await expectLinearGrowth(input, run, 500);
  });
});

describe('the cap and the counts', () => {
  it('counts the warnings the summary stands for against --max-warnings', async () => {
    // Loopback callbacks are warnings in production: 150 of them list 100 and a summary, but are 150 warnings.
    const urls = numberedUrls('http://localhost:8080/cb/', 150);
    const within = await lintApp(urls, ['--max-warnings', '150']);
    expect(ofRule(within.findings, 'callback-url-https').map((finding) => finding.severity)).toEqual(Array(MAX_FINDINGS_PER_RULE_PER_FILE + 1).fill(1));
    expect(within.status).toBe(0);
    const over = await lintApp(urls, ['--max-warnings', '149']);
    expect(over.status).toBe(1);
  });

  it('gives the summary a fingerprint of its count: a baseline of 150 findings does not hide a 151st', async () => {
    const summaryOf = async (count: number) => {
      const { findings } = await lintApp(numberedUrls('http://partner.example.com/cb/', count));
      return ofRule(findings, 'callback-url-https').find((finding) => / more /.test(finding.message))!;
    };
    const [before, after] = [await summaryOf(150), await summaryOf(151)];
    expect(before.message).toMatch(/: 50 more callback-url-https findings/);
    expect(after.message).toMatch(/: 51 more callback-url-https findings/);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});

describe('below the cap', () => {
  it(`lists all ${MAX_FINDINGS_PER_RULE_PER_FILE} findings of a rule in a file, with no summary`, async () => {
    const { status, findings } = await lintApp(numberedUrls('http://partner.example.com/cb/', MAX_FINDINGS_PER_RULE_PER_FILE));
    const https = ofRule(findings, 'callback-url-https');
    expect(https).toHaveLength(MAX_FINDINGS_PER_RULE_PER_FILE);
    expect(https.every((finding) => /uses plain http/.test(finding.message))).toBe(true);
    expect(status).toBe(1);
  });

  it('says "1 more ... is" for one finding past the cap', async () => {
    const { findings } = await lintApp(numberedUrls('http://partner.example.com/cb/', MAX_FINDINGS_PER_RULE_PER_FILE + 1));
    expect(ofRule(findings, 'callback-url-https').at(-1)!.message).toBe(
      `App "Flood": 1 more callback-url-https finding beyond the first ${MAX_FINDINGS_PER_RULE_PER_FILE} in this file is not listed`,
    );
  });
});

describe('the cap and the directives', () => {
  // 150 access tokens in a text file; a next-line directive above the 101st, the first one left out of the list.
  const token = (index: number) => `00D5g000004ABCD!AQ8AQKzX1yV2wT3uS4rQ5pO6nM7lK8jI9hG0fE1dC2bA3zY4xW5vU${String(index).padStart(4, '0')}`;
  const tokensWithDirectiveAt = (directiveBefore: number) =>
    Array.from({ length: 150 }, (_, index) => (index === directiveBefore ? `# calint-disable-next-line no-secrets-in-repo -- a test token\n${token(index)}` : token(index))).join('\n');

  it('does not let a next-line directive above one finding hide the summary of all the others', async () => {
    const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', 'notes/tokens.txt': tokensWithDirectiveAt(MAX_FINDINGS_PER_RULE_PER_FILE) });
    const result = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    const report = JSON.parse(result.stdout) as { messages: JsonFinding[]; suppressedMessages?: JsonFinding[] }[];
    const secrets = ofRule(report.flatMap((file) => file.messages), 'no-secrets-in-repo');
    expect(secrets).toHaveLength(MAX_FINDINGS_PER_RULE_PER_FILE + 1);
    expect(secrets.at(-1)!.message).toMatch(/^50 more no-secrets-in-repo findings beyond the first 100 /);
    // The directive did its job on the line it names: it is not reported unused.
    expect(ofRule(report.flatMap((file) => file.messages), 'suppression-directive')).toEqual([]);
  });

  it('counts a suppressed summary as the findings it stands for in the text footer', async () => {
    const text = `# calint-disable no-secrets-in-repo -- test tokens\n${tokensWithDirectiveAt(-1)}`;
    const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', 'notes/tokens.txt': text });
    const result = await runCli(['lint', '.'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('150 finding(s) suppressed by directives');
  });

  it('does not let a block that ends before the last of them hide the summary', async () => {
    const lines = tokensWithDirectiveAt(MAX_FINDINGS_PER_RULE_PER_FILE).replace('calint-disable-next-line', 'calint-disable').split('\n');
    lines.splice(MAX_FINDINGS_PER_RULE_PER_FILE + 5, 0, '# calint-enable no-secrets-in-repo');
    const root = makeProject({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }), 'force-app/.keep': '', 'notes/tokens.txt': lines.join('\n') });
    const result = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    const report = JSON.parse(result.stdout) as { messages: JsonFinding[] }[];
    const secrets = ofRule(report.flatMap((file) => file.messages), 'no-secrets-in-repo');
    expect(secrets.at(-1)!.message).toMatch(/^50 more no-secrets-in-repo findings beyond the first 100 /);
  });
});
