// Secrets that reached the output in part: a diff message cut a token or an auth URL at 40 characters before the
// masker looked at it, so the masker no longer knew it for a secret and its first characters were printed. And the
// masker itself must stay linear: a text full of tokens, or a megabyte-long URL, must not hold a CI runner.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quoteUrl } from '../../src/rules/util/display.js';
import { maskSecretsIn, maskSecretsInHead } from '../../src/secrets/mask.js';
import { safeMessage } from '../../src/text/safe-text.js';
import { connectedApp, runCli } from '../helpers/cli.js';
import { git, gitRepository, SFDX_PROJECT, TYPES, writeFiles } from '../helpers/git.js';
import { expectLinearGrowth } from './linear-time.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (length: number) => Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

/** A Salesforce access token as the scan knows it: org id, `!`, body. */
const token = () => `00D${random(15)}!${random(60)}`;
/** An SFDX auth URL: client id, client secret, refresh token, instance. */
const authUrl = (secret: string) => `force://PlatformCLI:${secret}:5Aep861${random(80)}@acme.my.salesforce.com`;

/** Every 8-character piece of `secret` past its first 4 characters (what the mask may show). */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let start = 4; start + 8 <= secret.length; start += 4) out.push(secret.slice(start, start + 8));
  return out;
}

function expectNoPieceOf(secret: string, output: string): void {
  for (const piece of pieces(secret)) expect(output, `shows "${piece}"`).not.toContain(piece);
}

const APP = `${TYPES}/connectedApps/Billing.connectedApp-meta.xml`;

describe('a secret in a setting the diff quotes', () => {
  const accessToken = token();
  const clientSecret = random(64);
  const querySecret = random(40);
  const root = gitRepository({ 'sfdx-project.json': SFDX_PROJECT, [APP]: connectedApp('Billing') });
  // Three callbacks added (one per line): an access token in one's query, an SFDX auth URL pasted by mistake, and a
  // client secret as a query parameter.
  writeFiles(root, {
    [APP]: connectedApp('Billing').replace(
      '<callbackUrl>https://app.example.com/cb</callbackUrl>',
      `<callbackUrl>https://app.example.com/cb\nhttps://a.io/cb?t=${accessToken}\n${authUrl(clientSecret)}\nhttps://b.io/cb?client_secret=${querySecret}</callbackUrl>`,
    ),
  });
  git(root, 'commit', '-q', '-am', 'callbacks');

  for (const format of ['text', 'json', 'markdown']) {
    it(`is masked in full in diff --format ${format}`, async () => {
      const run = await runCli(['diff', 'HEAD~1', '--format', format], { cwd: root });
      expect(run.stdout).toContain('callback'); // the change is reported
      expectNoPieceOf(accessToken, run.stdout + run.stderr);
      expectNoPieceOf(clientSecret, run.stdout + run.stderr);
      expectNoPieceOf(querySecret, run.stdout + run.stderr);
    });
  }
});

describe('the bounded masker', () => {
  it('masks a secret the scanned window cuts in half (an auth URL without its @host)', () => {
    const secret = random(64);
    // The auth URL starts in the shown part and its host lies far past the window: the scan cannot recognise it.
    const text = `callback ${authUrl(secret).replace('@', `${'x'.repeat(10_000)}@`)}`;
    const head = maskSecretsInHead(text, 40);
    expect(head.startsWith('callback ')).toBe(true);
    expectNoPieceOf(secret, head);
    expect(head.length).toBeLessThan(5_000);
  });

  it('masks a secret that ends inside the window as the full scan does', () => {
    const text = `a token ${token()} and more ${'y '.repeat(10_000)}`;
    expect(maskSecretsInHead(text, 100).slice(0, 100)).toBe(maskSecretsIn(text).slice(0, 100));
  });

  it('gives safeMessage no piece of a secret cut by the message limit', () => {
    const secret = random(64);
    expectNoPieceOf(secret, safeMessage(`${'w'.repeat(280)} ${authUrl(secret)} ${'z'.repeat(5000)}`));
    expectNoPieceOf(secret, safeMessage(`${'w'.repeat(280)} ${authUrl(secret).replace('@', `${'x'.repeat(10_000)}@`)}`));
  });
});

describe('masking time', () => {
  it('maskSecretsIn is linear in a text full of tokens', async () => {
    const unit = `token ${token()}\n`;
    await expectLinearGrowth((size) => unit.repeat(Math.floor(size / unit.length)), maskSecretsIn, 64 * 1024);
  });

  it('quoteUrl costs the same for a megabyte-long URL as for a short one', async () => {
    const url = (size: number) => `https://app.example.com/cb?code=${`${token()}&a=b;`.repeat(Math.floor(size / 100))}`;
    await expectLinearGrowth(url, quoteUrl, 256 * 1024, 1);
  });

  it('safeMessage costs the same for a megabyte-long message as for a short one', async () => {
    const message = (size: number) => `Tag ${`${token()} `.repeat(Math.floor(size / 80))}`;
    await expectLinearGrowth(message, safeMessage, 256 * 1024, 1);
  });
});
