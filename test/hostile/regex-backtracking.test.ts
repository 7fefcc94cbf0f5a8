// Regular expressions that backtrack on crafted values: a pattern that is not anchored at its start but must reach
// the end of the text (`\s+$`), or that scans an unbounded run for a closing character (`\$\{[^}]*\}`), is tried
// again from every position of a long run and costs the square of its length. A one-megabyte run held a CI runner
// for minutes; a ten-megabyte file (the size cap), for hours. Each must grow linearly with its input.
import { describe, expect, it } from 'vitest';
import { explainDifference } from '../../src/model/urls.js';
import { isMetadataPlaceholder } from '../../src/secrets/scan.js';
import { parseDirectives } from '../../src/suppress/directives.js';
import { expectLinearGrowth } from './linear-time.js';

const SIZE = 20_000;

describe('a consumer secret made of template openers', () => {
  it('is judged in linear time', async () => {
    // `${${${…` with no closing brace: each `${` scanned the rest of the value for one.
    await expectLinearGrowth((size) => '${'.repeat(size / 2), isMetadataPlaceholder, SIZE);
    await expectLinearGrowth((size) => '{!$Credential.'.repeat(size / 14), isMetadataPlaceholder, SIZE);
  });

  it('still knows the placeholders', () => {
    for (const placeholder of ['${CONSUMER_SECRET}', 'pre${x}post', '${}', '{!$Credential.Password}', '{!$CREDENTIAL.x}', '', 'XXX123', 'a***b', 'Placeholder_Value', 'your_secret', '<secret>']) {
      expect(isMetadataPlaceholder(placeholder), placeholder).toBe(true);
    }
    for (const secret of ['S3cr3tConsumerValue', '${unclosed', '}${', '{!$Credential', 'a{!$Credential.}b'.replace('}', '')]) {
      expect(isMetadataPlaceholder(secret), secret).toBe(false);
    }
  });
});

describe('a directive line padded with white space', () => {
  it('is read in linear time', async () => {
    // The comment-closer strip (`\s*(?:\*\/|-->…)\s*$`) was tried from every blank of a megabyte of spaces.
    const line = (size: number) => `# calint-disable-next-line no-full-scope -- reason${' '.repeat(size)}x\nfoo\n`;
    await expectLinearGrowth(line, (text) => parseDirectives('notes.sh', text), SIZE);
  });

  it('still drops the comment closer', () => {
    const [closed] = parseDirectives('a.js', '/* calint-disable-next-line no-full-scope -- a reason   */  \nfoo\n');
    expect(closed?.reason).toBe('a reason');
    const [html] = parseDirectives('a.html', '<!-- calint-disable-next-line no-full-scope -- why -->\nfoo\n');
    expect(html?.reason).toBe('why');
    const [jinja] = parseDirectives('a.j2', '{# calint-disable-next-line no-full-scope -- why #}\nfoo\n'.replace('{# ', '# '));
    expect(jinja?.reason).toBe('why');
    const [plain] = parseDirectives('a.sh', '# calint-disable-next-line no-full-scope -- why not   \nfoo\n');
    expect(plain?.reason).toBe('why not');
  });
});

describe('two callbacks that differ only in a trailing slash, with a long run of spaces in their path', () => {
  it('are explained in linear time', async () => {
    // The raw path's trailing white space was cut with `\s+$`, tried from every space of the run.
    const spaces = (size: number) => `https://app.example.com/a${' '.repeat(size)}b`;
    await expectLinearGrowth(spaces, (a) => explainDifference(a, `${a}/`), 5 * SIZE);
    expect(explainDifference('https://app.example.com/a b', 'https://app.example.com/a b/')).toEqual(['trailing slash']);
  });
});
