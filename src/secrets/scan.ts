// Pure, allocation-light secret detection used by the repository-wide `no-secrets-in-repo` scan.
//
// Speed model: a repository scan reads tens of thousands of files, almost none of which hold a secret.
// `scanText` therefore starts with the pre-filter (prefilter.ts): one regex pass over the literal anchors every
// detector needs. Only a text that holds one reaches the detectors below, which then look only at the candidate
// positions (native indexOf, sticky regexes, startsWith), never another whole-text regex pass. On the 20,000-file
// synthetic project 2 files of 20,202 reach the detectors (the anchors alone, without the pre-filter, let 74% through
// on the `://` of every XML namespace).

import { mayHoldSecret } from './prefilter.js';

export type SecretKind = 'private-key' | 'sfdx-auth-url' | 'salesforce-access-token';

export interface SecretHit {
  kind: SecretKind;
  /** Offset (UTF-16 code units) of the first character: `-----BEGIN`, `force://` or `00D`. */
  start: number;
  /**
   * Offset just past the hit. For a private key this is the end of the BEGIN line (the header), not the
   * end of the key body; for the other kinds `text.slice(start, end) === value`.
   */
  end: number;
  /**
   * The secret text itself. For a private key: the first body characters (up to one 64-char PEM line),
   * meant only for a masked preview.
   */
  value: string;
  /** Human label e.g. "RSA private key", "SFDX auth URL", "Salesforce access token or session id". */
  label: string;
}

const LABEL_AUTH_URL = 'SFDX auth URL';
const LABEL_ACCESS_TOKEN = 'Salesforce access token or session id';

/**
 * Finds secrets in a text: the pre-filter first, the detectors only on a text that holds an anchor. Hits are ordered
 * by `start`; the result is a fresh array.
 */
export function scanText(text: string): SecretHit[] {
  return mayHoldSecret(text) ? detectSecrets(text) : [];
}

/**
 * The detailed detectors without the pre-filter: exported for the test that proves the pre-filter passes every text
 * they report on. Callers use `scanText`.
 */
export function detectSecrets(text: string): SecretHit[] {
  let hits: SecretHit[] | undefined;
  let kinds = 0;

  const k = text.indexOf('PRIVATE KEY');
  if (k !== -1) {
    const before = hits?.length ?? 0;
    hits = scanPrivateKeys(text, k, hits);
    if ((hits?.length ?? 0) > before) kinds++;
  }
  const f = indexOfForceScheme(text, 0);
  if (f !== -1) {
    const before = hits?.length ?? 0;
    hits = scanAuthUrls(text, f, hits);
    if ((hits?.length ?? 0) > before) kinds++;
  }
  const d = text.indexOf('00D');
  // An access token needs a '!' at least 15 characters after its '00D'.
  if (d !== -1 && text.indexOf('!', d + 15) !== -1) {
    const before = hits?.length ?? 0;
    hits = scanAccessTokens(text, d, hits);
    if ((hits?.length ?? 0) > before) kinds++;
  }

  if (hits === undefined) return [];
  if (kinds > 1) hits.sort((a, b) => a.start - b.start);
  return hits;
}

// ---------------------------------------------------------------------------------------------------------
// PEM / PGP private keys
// ---------------------------------------------------------------------------------------------------------

const PRIVATE_KEY = 'PRIVATE KEY';
const BEGIN = '-----BEGIN ';
/** Longest type prefix looked for between `-----BEGIN ` and `PRIVATE KEY` (e.g. "SSH2 ENCRYPTED "). */
const MAX_TYPE_PREFIX = 24;
/** Words allowed between BEGIN and PRIVATE KEY: "", "RSA ", "EC ", "OPENSSH ", "SSH2 ENCRYPTED ", ... */
const TYPE_PREFIX_RE = /^(?:[A-Z][A-Z0-9]* )*$/;
/**
 * The smallest real private key body is 64 base64 characters (an Ed25519/X25519 PKCS#8 key, 48 DER bytes);
 * RSA/EC/OpenSSH keys are far longer. Shorter bodies are documentation fragments such as `MIIE...`.
 */
const MIN_PEM_BODY = 64;
/** A body cut short by an ellipsis (`MIIEow…`, a doc excerpt) must be at least this long to count. */
const MIN_TRUNCATED_PEM_BODY = 200;
/** We never need to look at more body than this. */
const MAX_PEM_BODY = 256;
/** Random base64 has ~40 distinct characters in 64; placeholders like `AAAA…`/`xxxx…` have a handful. */
const MIN_PEM_DISTINCT = 12;
/** Every OpenSSH private key body begins with base64("openssh-key-v1\0"). */
const OPENSSH_MAGIC_B64 = 'b3BlbnNzaC1rZXktdjE';

const PEM_LABELS: Record<string, string> = {
  '': 'PKCS#8 private key',
  RSA: 'RSA private key',
  EC: 'EC private key',
  DSA: 'DSA private key',
  OPENSSH: 'OpenSSH private key',
  ENCRYPTED: 'encrypted PKCS#8 private key',
  PGP: 'PGP private key',
};

function scanPrivateKeys(text: string, first: number, out: SecretHit[] | undefined): SecretHit[] | undefined {
  let i = first;
  while (i !== -1) {
    const hit = privateKeyAt(text, i);
    if (hit !== undefined) (out ??= []).push(hit);
    i = text.indexOf(PRIVATE_KEY, i + PRIVATE_KEY.length);
  }
  return out;
}

/** `i` is the offset of a 'PRIVATE KEY' occurrence. */
function privateKeyAt(text: string, i: number): SecretHit | undefined {
  const afterWords = i + PRIVATE_KEY.length;
  let headerEnd: number;
  let pgpBlock = false;
  if (text.startsWith('-----', afterWords)) headerEnd = afterWords + 5;
  else if (text.startsWith(' BLOCK-----', afterWords)) {
    headerEnd = afterWords + 11;
    pgpBlock = true;
  } else return undefined;

  // `-----BEGIN ` must start on the same line, at most MAX_TYPE_PREFIX characters before 'PRIVATE KEY'.
  const windowStart = Math.max(0, i - BEGIN.length - MAX_TYPE_PREFIX);
  const window = text.slice(windowStart, i);
  const rel = window.lastIndexOf(BEGIN);
  if (rel === -1) return undefined;
  const prefix = window.slice(rel + BEGIN.length);
  if (!TYPE_PREFIX_RE.test(prefix)) return undefined;
  const type = prefix.trimEnd();
  if (pgpBlock !== (type === 'PGP')) return undefined;

  const body = readPemBody(text, headerEnd);
  if (!isRealPemBody(type, body)) return undefined;

  return {
    kind: 'private-key',
    start: windowStart + rel,
    end: headerEnd,
    value: body.chars.slice(0, 64),
    label: PEM_LABELS[type] ?? `${type} private key`,
  };
}

interface PemBody {
  /** Base64 characters of the body, separators removed, at most MAX_PEM_BODY. */
  chars: string;
  /** RFC 1421 / OpenPGP armor headers (`Proc-Type: 4,ENCRYPTED`, `Version: …`) preceded the body. */
  hadHeaders: boolean;
  /** The body stopped at an ellipsis (`...` or `…`). */
  truncated: boolean;
}

function isBase64Char(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    (c >= 48 && c <= 57) || // 0-9
    c === 43 || // +
    c === 47 || // /
    c === 61 // =
  );
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_DQUOTE = 34;
const CH_QUOTE = 39;
const CH_BACKSLASH = 92;
const CH_BACKTICK = 96;
/** Longest run of backslashes read as the escape of one line break. */
const MAX_ESCAPE_RUN = 8;

/**
 * Length of a line break at `p`: a real CR/LF, a literal escape (`\n`, `\r`, `\\n` as in JSON or code
 * strings), or a closing+opening quote pair around a line break in concatenated string literals. 0 if none.
 */
function lineBreakAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === CH_LF || c === CH_CR) return 1;
  if (c === CH_BACKSLASH) {
    // Escaped escapes nest a few levels deep at most (`\\\\n` in JSON inside a string); a longer run of
    // backslashes is no line break, and must not be walked again from each of its characters.
    const limit = Math.min(text.length, p + MAX_ESCAPE_RUN);
    let q = p;
    while (q < limit && text.charCodeAt(q) === CH_BACKSLASH) q++;
    const e = text.charCodeAt(q);
    if (e === 110 /* n */ || e === 114 /* r */) return q + 1 - p;
    if (e === CH_LF || e === CH_CR) return q - p; // line continuation
  }
  return 0;
}

function isQuote(c: number): boolean {
  return c === CH_DQUOTE || c === CH_QUOTE || c === CH_BACKTICK;
}

function isBlank(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_CR || c === CH_LF;
}

/**
 * A string-concatenation `+` (`'…\\n' +⏎ '…'`): preceded by a blank or a quote and followed by a blank. A
 * base64 `+` always touches other base64 characters on at least one side.
 */
function isConcatPlus(text: string, p: number): boolean {
  if (text.charCodeAt(p) !== 43 /* + */ || p === 0) return false;
  const before = text.charCodeAt(p - 1);
  return (isBlank(before) || isQuote(before)) && isBlank(text.charCodeAt(p + 1));
}

/** Skips whitespace, line breaks (real or escaped) and quote characters. */
function skipSeparators(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === CH_SPACE || c === CH_TAB || isQuote(c) || isConcatPlus(text, p)) {
      p++;
      continue;
    }
    const br = lineBreakAt(text, p);
    if (br === 0) break;
    p += br;
  }
  return p;
}

/** Armor header such as `Proc-Type: 4,ENCRYPTED`, `DEK-Info: AES-128-CBC,…`, `Version: GnuPG v2`. */
const ARMOR_HEADER_RE = /[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]/y;

function readPemBody(text: string, p: number): PemBody {
  const n = text.length;
  p = skipSeparators(text, p);

  let hadHeaders = false;
  for (let h = 0; h < 8; h++) {
    ARMOR_HEADER_RE.lastIndex = p;
    if (!ARMOR_HEADER_RE.test(text)) break;
    hadHeaders = true;
    // Skip to the end of the header line (bounded).
    let q = ARMOR_HEADER_RE.lastIndex;
    const limit = Math.min(n, q + 256);
    while (q < limit && lineBreakAt(text, q) === 0) q++;
    p = skipSeparators(text, q);
  }

  let chars = '';
  let run = 0; // length of the current line of base64
  let truncated = false;
  while (p < n && chars.length < MAX_PEM_BODY) {
    const c = text.charCodeAt(p);
    if (run === 0 && isConcatPlus(text, p)) {
      p++;
      continue;
    }
    if (isBase64Char(c)) {
      // Grab the whole run of base64 characters at once.
      let q = p + 1;
      const limit = Math.min(n, p + (MAX_PEM_BODY - chars.length));
      while (q < limit && isBase64Char(text.charCodeAt(q))) q++;
      chars += text.slice(p, q);
      run += q - p;
      p = q;
      continue;
    }
    const br = lineBreakAt(text, p);
    if (br !== 0) {
      p += br;
      run = 0;
      // Indentation (YAML block scalars, XML) and quotes of concatenated string literals.
      while (p < n) {
        const d = text.charCodeAt(p);
        if (isBlank(d) || isQuote(d) || isConcatPlus(text, p)) p++;
        else break;
      }
      continue;
    }
    if (isQuote(c)) {
      p++;
      continue;
    }
    if (c === CH_SPACE || c === CH_TAB) {
      // A space inside a line ends the body (prose such as "paste your key here"), unless it sits where a
      // PEM line ends (64 or 70 characters) — keys flattened into one line with spaces instead of newlines.
      if (run >= 60) {
        p++;
        run = 0;
        continue;
      }
      let q = p;
      while (q < n && (text.charCodeAt(q) === CH_SPACE || text.charCodeAt(q) === CH_TAB)) q++;
      if (q < n && (lineBreakAt(text, q) !== 0 || isQuote(text.charCodeAt(q)))) {
        p = q; // trailing whitespace before a line break
        continue;
      }
      break;
    }
    if (c === 46 /* . */ && text.startsWith('...', p)) truncated = true;
    else if (c === 0x2026 /* … */) truncated = true;
    break;
  }
  return { chars, hadHeaders, truncated };
}

function distinctChars(s: string, limit: number): number {
  const seen = new Set<number>();
  const n = Math.min(s.length, limit);
  for (let i = 0; i < n; i++) seen.add(s.charCodeAt(i));
  return seen.size;
}

function isRealPemBody(type: string, body: PemBody): boolean {
  const { chars } = body;
  if (chars.length < MIN_PEM_BODY) return false;
  if (body.truncated && chars.length < MIN_TRUNCATED_PEM_BODY) return false;
  const firstLine = chars.slice(0, 64);
  if (distinctChars(firstLine, 64) < MIN_PEM_DISTINCT) return false;
  if (isPlaceholder(firstLine)) return false;
  // Structure: DER bodies start with a SEQUENCE tag (0x30), whose base64 starts with 'M'. Traditional
  // encrypted PEM (Proc-Type header) carries raw ciphertext instead.
  switch (type) {
    case '':
    case 'RSA':
    case 'EC':
    case 'DSA':
    case 'ENCRYPTED':
      return body.hadHeaders || chars.charCodeAt(0) === 77; /* M */
    case 'OPENSSH':
      return chars.startsWith(OPENSSH_MAGIC_B64);
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// SFDX auth URLs
// ---------------------------------------------------------------------------------------------------------

/**
 * `force://<clientId>:<clientSecret>:<refreshToken>@<instance>` (secret may be empty), the documented
 * detector `force://[A-Za-z0-9._=-]+:[A-Za-z0-9._=-]*:[A-Za-z0-9._=-]+@[A-Za-z0-9:._-]+`, plus the older
 * `force://<refreshToken>@<instance>` form. Group 1 is the refresh token, group 2 the host.
 */
const AUTH_URL_RE = /force:\/\/(?:[A-Za-z0-9._=-]+:[A-Za-z0-9._=-]*:)?([A-Za-z0-9._=-]+)@([A-Za-z0-9:._-]+)/y;
/** Real refresh tokens are ~87 characters (`5Aep861…`); anything this short is an example. */
const MIN_REFRESH_TOKEN = 16;
const MIN_REFRESH_TOKEN_DISTINCT = 8;

function isSchemeChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46
  );
}

function scanAuthUrls(text: string, first: number, out: SecretHit[] | undefined): SecretHit[] | undefined {
  let i = first;
  while (i !== -1) {
    let next = i + 8;
    // `salesforce://…`, `myforce://…` are other schemes.
    if (i === 0 || !isSchemeChar(text.charCodeAt(i - 1))) {
      AUTH_URL_RE.lastIndex = i;
      const m = AUTH_URL_RE.exec(text);
      if (m !== null) {
        const token = m[1]!;
        let url = m[0];
        // A sentence-ending '.' or ':' is not part of the host.
        let cut = url.length;
        while (cut > 0 && (url.charCodeAt(cut - 1) === 46 || url.charCodeAt(cut - 1) === 58)) cut--;
        const hostLength = m[2]!.length - (url.length - cut);
        url = url.slice(0, cut);
        if (
          hostLength > 0 &&
          token.length >= MIN_REFRESH_TOKEN &&
          distinctChars(token, token.length) >= MIN_REFRESH_TOKEN_DISTINCT &&
          !isPlaceholder(token)
        ) {
          (out ??= []).push({ kind: 'sfdx-auth-url', start: i, end: i + url.length, value: url, label: LABEL_AUTH_URL });
          next = i + url.length;
        }
      }
    }
    i = indexOfForceScheme(text, next);
  }
  return out;
}

/**
 * `text.indexOf('force://', from)`, but anchored on '://'. V8 finds a pattern's first character with memchr,
 * and 'f' is everywhere in XML and Apex (`false`, `fields`, `for`) while ':' is rare, so on typical files
 * this is several times faster than the plain indexOf (measured 2.8 ms vs 19 ms over 40 MB).
 */
function indexOfForceScheme(text: string, from: number): number {
  let i = text.indexOf('://', from + 5);
  while (i !== -1) {
    if (text.startsWith('force', i - 5)) return i - 5;
    i = text.indexOf('://', i + 3);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Salesforce access tokens / session ids
// ---------------------------------------------------------------------------------------------------------

/** `00D` + 12 or 15 alphanumerics (the org id) + `!` + token body. */
const ACCESS_TOKEN_RE = /00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{40,}/y;
const MIN_TOKEN_BODY = 40;
const MIN_TOKEN_DISTINCT = 10;

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

function scanAccessTokens(text: string, first: number, out: SecretHit[] | undefined): SecretHit[] | undefined {
  let i = first;
  while (i !== -1) {
    let next = i + 3;
    if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) {
      ACCESS_TOKEN_RE.lastIndex = i;
      const m = ACCESS_TOKEN_RE.exec(text);
      if (m !== null) {
        let value = m[0];
        let cut = value.length;
        while (value.charCodeAt(cut - 1) === 46 /* . */) cut--; // sentence end
        value = value.slice(0, cut);
        const bang = value.indexOf('!');
        const orgId = value.slice(0, bang);
        const body = value.slice(bang + 1);
        if (
          body.length >= MIN_TOKEN_BODY &&
          distinctChars(body, body.length) >= MIN_TOKEN_DISTINCT &&
          !/^00D0+$/.test(orgId) &&
          !isPlaceholder(orgId) &&
          !isPlaceholder(body)
        ) {
          (out ??= []).push({ kind: 'salesforce-access-token', start: i, end: i + value.length, value, label: LABEL_ACCESS_TOKEN });
        }
        next = i + m[0].length;
      }
    }
    i = text.indexOf('00D', next);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------------------------------------

/** Templating / variable references: `${VAR}`, `${{ secrets.X }}`, `{{x}}`, `{!$Credential.…}`, `$(VAR)`. */
const TEMPLATE_RE = /\$\{|\{\{|\{!|\$\(|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$/;
/**
 * Words that make a value an example wherever they appear. Matched in lower, UPPER or Capitalized case only,
 * never case-insensitively: random base64 / token text hits a mixed-case spelling such as `DumMY` or `xxXX`
 * about once in tens of thousands of real keys, which would hide a real secret.
 */
const PLACEHOLDER_WORDS = [
  'placeholder',
  'redacted',
  'changeme',
  'change_me',
  'change-me',
  'replaceme',
  'replace_me',
  'replace-me',
  'example',
  'dummy',
  'sample',
  'notreal',
  'not_real',
  'not-real',
  'not_a_real',
  'not-a-real',
];
/** The same, only at the start of the value: `YOUR_…`, `your_…`, `YourSecret`, `fake_…`, `insert_…`. */
const PLACEHOLDER_PREFIXES = ['your', 'fake_', 'fake-', 'insert_', 'insert-'];

function casings(word: string): string[] {
  return [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)];
}

/**
 * Markers that make a value an example: `<…>`, `...`/`…`, `***`, runs of 5+ `x`/`X` (a shorter run shows up
 * in random text too often; `XXXX` alone is caught as a repeated character), a leading `xxx`, and the words.
 */
const PLACEHOLDER_MARKER_RE = new RegExp(
  [
    '<[^<>]*>',
    '\\.\\.\\.',
    '…',
    '\\*\\*\\*',
    'x{5,}',
    'X{5,}',
    '^(?:xxx|XXX)',
    ...PLACEHOLDER_WORDS.flatMap(casings),
    ...PLACEHOLDER_PREFIXES.flatMap(casings).map((w) => `^${w}`),
  ].join('|'),
);
/** Whole values that are obviously not a credential (optionally followed by digits/underscores/dashes). */
const PLACEHOLDER_WORD_RE =
  /^(?:test(?:ing)?|dummy|fake|foo|bar|baz|abc|abcd|abcdef|secret|token|password|passwd|pass|pwd|key|value|none|null|nil|undefined|todo|tbd|n\/a|empty|blank|default|demo|temp|tmp|sample|changeit|123|0123)[\d_-]*$/i;
/** `REFRESH_TOKEN`, `SFDX_AUTH_URL`, `CONSUMER_SECRET`: an environment variable's name, not its value. */
const CONSTANT_NAME_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** `[REDACTED]`, `[secret]`. */
const BRACKETED_RE = /^\[[^\]]*\]$/;
/** A single repeated character: `********`, `0000`, `----`. */
const REPEATED_RE = /^(.)\1*$/s;

/**
 * True for values that stand in for a secret rather than being one: empty, `${VAR}`, `$VAR`,
 * `{!$Credential.…}`, `Placeholder_Value`, anything in `<…>`, `xxx…`/`XXXX`, `***`, `changeme`,
 * `YOUR_…`/`your_…`, `<redacted>`, `...`, `example`, `dummy`, and `test`-style words of very low length.
 * Used by the repository text scan; secret fields of metadata use the narrower isMetadataPlaceholder.
 */
export function isPlaceholder(value: string): boolean {
  let v = value.trim();
  // One pair of surrounding quotes.
  if (v.length >= 2) {
    const q = v.charCodeAt(0);
    if (isQuote(q) && v.charCodeAt(v.length - 1) === q) v = v.slice(1, -1).trim();
  }
  if (v.length < 4) return true; // '', 'x', 'na', '-', '123'
  return (
    REPEATED_RE.test(v) ||
    TEMPLATE_RE.test(v) ||
    PLACEHOLDER_MARKER_RE.test(v) ||
    PLACEHOLDER_WORD_RE.test(v) ||
    CONSTANT_NAME_RE.test(v) ||
    BRACKETED_RE.test(v)
  );
}

/**
 * The issue's list of placeholders, without regard to letter case (`CHANGEME`, `your_secret`); the references that
 * may sit anywhere in the value (`${VAR}`, `{!$Credential.…}`) are found by hasReference instead.
 */
const METADATA_PLACEHOLDER_RE = /^placeholder_value$|^<[^<>]*>$|^xxx|\*\*\*|^change[-_]?me$|^your_/i;

/**
 * Whether `opener` (compared in lower case) is followed somewhere by a `}`: a `${…}` or `{!$Credential.…}` reference
 * anywhere in the value. Two searches, not a regex: `/\$\{[^}]*\}/` scans to the end for a brace again from every
 * `${` of a `${${${…` run, the square of its length. Any later `}` closes the first opener, so checking that one is enough.
 */
function hasReference(lowerValue: string, opener: string): boolean {
  const open = lowerValue.indexOf(opener);
  return open !== -1 && lowerValue.indexOf('}', open + opener.length) !== -1;
}

/**
 * The placeholders a secret field of metadata may hold (consumerSecret, a NamedCredential password …): empty,
 * `${VAR}`, `{!$Credential.…}`, `Placeholder_Value`, `<…>`, `xxx…`, `***`, `changeme`, `YOUR_…`. Narrower than
 * isPlaceholder on purpose: a value in such a field is a credential by its position, so a short or word-like
 * value (`Password1`, `Secret123`, `Token_2024`) is a weak real password, not an example. The broader word
 * heuristics of isPlaceholder are for the repository text scan, where the position says nothing.
 */
export function isMetadataPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '' || METADATA_PLACEHOLDER_RE.test(v)) return true;
  const lower = v.toLowerCase();
  return hasReference(lower, '${') || hasReference(lower, '{!$credential.');
}

// ---------------------------------------------------------------------------------------------------------
// XML character references
// ---------------------------------------------------------------------------------------------------------

/** A character reference or a predefined entity; bounded lengths keep the search linear. */
const XML_REFERENCE_RE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data with its character references and predefined entities decoded. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_REFERENCE_RE, (whole, hex?: string, decimal?: string, entity?: string) => {
    if (entity !== undefined) return XML_ENTITIES[entity]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal!, 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * `scanText` for XML: character references are decoded first (`force&#58;//…`, `&#x3A;`), as the platform reads
 * them, so a secret written with one is not missed. Hits are located in the raw text.
 */
export function scanXmlText(text: string): SecretHit[] {
  // The pre-filter knows numeric references may hide an anchor: most XML files stop here, before any decoding.
  if (!mayHoldSecret(text)) return [];
  if (!text.includes('&')) return scanText(text);
  // Each decoded offset maps back through the last reference before it: [decoded offset, raw offset] pairs.
  const decodedStarts: number[] = [0];
  const rawStarts: number[] = [0];
  let decoded = '';
  let rawFrom = 0;
  for (const match of text.matchAll(XML_REFERENCE_RE)) {
    const code = match[1] !== undefined ? Number.parseInt(match[1], 16) : match[2] !== undefined ? Number.parseInt(match[2], 10) : -1;
    const replacement = match[3] !== undefined ? XML_ENTITIES[match[3]]! : code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match[0];
    decoded += text.slice(rawFrom, match.index) + replacement;
    rawFrom = match.index + match[0].length;
    decodedStarts.push(decoded.length);
    rawStarts.push(rawFrom);
  }
  if (rawFrom === 0) return scanText(text);
  decoded += text.slice(rawFrom);
  const toRaw = (offset: number): number => {
    let lo = 0;
    let hi = decodedStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (decodedStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return rawStarts[lo]! + (offset - decodedStarts[lo]!);
  };
  return scanText(decoded).map((hit) => ({ ...hit, start: toRaw(hit.start), end: Math.max(toRaw(hit.start), toRaw(hit.end)) }));
}
