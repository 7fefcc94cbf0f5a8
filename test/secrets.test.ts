import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPlaceholder, scanText, type SecretHit } from '../src/secrets/scan.js';
import { maskSecret } from '../src/secrets/mask.js';
import { isKeystorePath, isProbablyBinary, isSecretProneName, KEYSTORE_EXTENSIONS } from '../src/secrets/files.js';

// ------------------------------------------------------------------------------------------------
// Real key material, generated per run
// ------------------------------------------------------------------------------------------------

function rsaPem(type: 'pkcs1' | 'pkcs8', cipher?: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export(
    cipher ? { type, format: 'pem', cipher, passphrase: 'correct horse' } : { type, format: 'pem' },
  ) as string;
}

function ecPem(type: 'sec1' | 'pkcs8'): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type, format: 'pem' }) as string;
}

function ed25519Pkcs8Pem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

function dsaPkcs8Pem(): string {
  const { privateKey } = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
function sshString(b: Buffer): Buffer {
  return Buffer.concat([u32(b.length), b]);
}

/** A genuine unencrypted `openssh-key-v1` Ed25519 key (node:crypto cannot write this format itself). */
function opensshEd25519Pem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d!, 'base64url');
  const pub = Buffer.from(jwk.x!, 'base64url');
  const keyType = Buffer.from('ssh-ed25519');
  const pubBlob = Buffer.concat([sshString(keyType), sshString(pub)]);
  const check = randomBytes(4);
  let priv = Buffer.concat([
    check,
    check,
    sshString(keyType),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(Buffer.from('deploy@ci')),
  ]);
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const none = sshString(Buffer.from('none'));
  const blob = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    none,
    none,
    sshString(Buffer.alloc(0)),
    u32(1),
    sshString(pubBlob),
    sshString(priv),
  ]);
  const lines = blob.toString('base64').match(/.{1,70}/g)!.join('\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** Synthetic but realistically shaped OpenPGP armor (node cannot make PGP keys). */
function pgpArmor(): string {
  const lines = randomBytes(600).toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: release signing\n\n${lines}\n=Ab3x\n-----END PGP PRIVATE KEY BLOCK-----\n`;
}

// No 'x'/'X': a run of them is a placeholder marker, and random test values must never flake into one.
// Separators ('.', '_') sit at fixed places so a value never holds '...' nor ends with a sentence '.'.
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz0123456789';
function randomFrom(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[bytes[i]! % alphabet.length];
  return s;
}
const refreshToken = (): string => `5Aep861${randomFrom(ALNUM, 40)}.${randomFrom(ALNUM, 39)}`;
const orgId15 = (): string => `00D5g${randomFrom(ALNUM, 10)}`;
const orgId18 = (): string => `00D5g${randomFrom(ALNUM, 13)}`;
const accessToken = (org = orgId15()): string =>
  `${org}!AQ4AQ${randomFrom(ALNUM, 40)}.${randomFrom(ALNUM, 30)}_${randomFrom(ALNUM, 24)}`;

function only(hits: SecretHit[]): SecretHit {
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

// ------------------------------------------------------------------------------------------------
// Private keys
// ------------------------------------------------------------------------------------------------

describe('scanText: private keys', () => {
  const cases: [string, () => string, string, string][] = [
    ['RSA PKCS#1', () => rsaPem('pkcs1'), '-----BEGIN RSA PRIVATE KEY-----', 'RSA private key'],
    ['RSA PKCS#8', () => rsaPem('pkcs8'), '-----BEGIN PRIVATE KEY-----', 'PKCS#8 private key'],
    ['EC SEC1', () => ecPem('sec1'), '-----BEGIN EC PRIVATE KEY-----', 'EC private key'],
    ['EC PKCS#8', () => ecPem('pkcs8'), '-----BEGIN PRIVATE KEY-----', 'PKCS#8 private key'],
    ['Ed25519 PKCS#8 (the shortest real body, 64 chars)', ed25519Pkcs8Pem, '-----BEGIN PRIVATE KEY-----', 'PKCS#8 private key'],
    ['DSA PKCS#8', dsaPkcs8Pem, '-----BEGIN PRIVATE KEY-----', 'PKCS#8 private key'],
    [
      'encrypted PKCS#8',
      () => rsaPem('pkcs8', 'aes-256-cbc'),
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      'encrypted PKCS#8 private key',
    ],
    [
      'traditional encrypted PEM (Proc-Type/DEK-Info headers)',
      () => rsaPem('pkcs1', 'aes-128-cbc'),
      '-----BEGIN RSA PRIVATE KEY-----',
      'RSA private key',
    ],
    ['OpenSSH', opensshEd25519Pem, '-----BEGIN OPENSSH PRIVATE KEY-----', 'OpenSSH private key'],
    ['PGP', pgpArmor, '-----BEGIN PGP PRIVATE KEY BLOCK-----', 'PGP private key'],
  ];

  for (const [name, make, header, label] of cases) {
    it(`finds a real ${name} key embedded in text, starting at -----BEGIN`, () => {
      const pem = make();
      expect(pem.startsWith(header)).toBe(true);
      const prefix = '# JWT key for CI, do not commit\nsome text before: ';
      const text = `${prefix}${pem}\nand after\n`;
      const hit = only(scanText(text));
      expect(hit.kind).toBe('private-key');
      expect(hit.start).toBe(prefix.length);
      expect(hit.end).toBe(prefix.length + header.length);
      expect(text.slice(hit.start, hit.end)).toBe(header);
      expect(hit.label).toBe(label);
      // value: the first body characters, taken from the key itself
      expect(hit.value.length).toBeGreaterThan(0);
      expect(hit.value.length).toBeLessThanOrEqual(64);
      expect(pem.replace(/\s/g, '')).toContain(hit.value);
    });
  }

  it('value of an RSA key is the start of its first body line', () => {
    const pem = rsaPem('pkcs1');
    const hit = only(scanText(pem));
    expect(hit.start).toBe(0);
    expect(hit.value).toBe(pem.split('\n')[1]!.slice(0, 64));
    expect(hit.value.startsWith('MII')).toBe(true);
  });

  it('finds a key JSON-escaped in a file (service-account / authFile style)', () => {
    const pem = rsaPem('pkcs8');
    const text = JSON.stringify({ type: 'service_account', private_key: pem, client_email: 'x@y.z' }, null, 2);
    const hit = only(scanText(text));
    expect(hit.start).toBe(text.indexOf('-----BEGIN PRIVATE KEY-----'));
    expect(pem).toContain(hit.value);
  });

  it('finds a double-escaped key (\\\\n) and a CRLF key', () => {
    const pem = ecPem('sec1');
    expect(scanText(`key = "${pem.replace(/\n/g, '\\\\n')}"`)).toHaveLength(1);
    expect(scanText(pem.replace(/\n/g, '\r\n'))).toHaveLength(1);
  });

  it('finds a key in an indented YAML block scalar and a key flattened onto one line with spaces', () => {
    const pem = rsaPem('pkcs1');
    const yaml = `env:\n  JWT_KEY: |\n${pem.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
    const hit = only(scanText(yaml));
    expect(hit.start).toBe(yaml.indexOf('-----BEGIN'));
    expect(scanText(`SERVER_KEY="${pem.trim().replace(/\n/g, ' ')}"`)).toHaveLength(1);
  });

  it('finds a key split across concatenated string literals (Apex/Java)', () => {
    const lines = rsaPem('pkcs8').trim().split('\n');
    const apex = `String key = '${lines[0]}\\n' +\n${lines.slice(1).map((l) => `    '${l}\\n'`).join(' +\n')};`;
    const hit = only(scanText(apex));
    expect(apex.slice(hit.start, hit.end)).toBe('-----BEGIN PRIVATE KEY-----');
  });

  it('finds several keys in one text, in order', () => {
    const a = rsaPem('pkcs1');
    const b = ecPem('pkcs8');
    const text = `first\n${a}\nsecond\n${b}`;
    const hits = scanText(text);
    expect(hits.map((h) => h.label)).toEqual(['RSA private key', 'PKCS#8 private key']);
    expect(hits[0]!.start).toBe(6);
    expect(hits[1]!.start).toBe(text.lastIndexOf('-----BEGIN'));
  });

  const docNegatives: [string, string][] = [
    ['ellipsis body', '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    ['unicode ellipsis body', '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'],
    ['<your key here>', '-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----'],
    ['empty body', '-----BEGIN EC PRIVATE KEY-----\n-----END EC PRIVATE KEY-----'],
    ['header alone', 'The file must start with -----BEGIN RSA PRIVATE KEY----- and nothing else.'],
    ['truncated prefix', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----'],
    [
      'one structural line then ellipsis',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n...\n-----END PRIVATE KEY-----',
    ],
    ['xxx body', `-----BEGIN RSA PRIVATE KEY-----\n${'x'.repeat(64)}\n${'x'.repeat(64)}\n-----END RSA PRIVATE KEY-----`],
    ['AAAA body', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n-----END PRIVATE KEY-----`],
    ['MIIE + XXXX body', `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0${'X'.repeat(60)}\n-----END PRIVATE KEY-----`],
    ['YOUR_PRIVATE_KEY', '-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_GOES_HERE\n-----END PRIVATE KEY-----'],
    [
      'prose body',
      '-----BEGIN RSA PRIVATE KEY-----\nPaste the contents of the server key you generated with openssl here and keep it secret\n-----END RSA PRIVATE KEY-----',
    ],
    ['${VAR} body', '-----BEGIN PRIVATE KEY-----\n${JWT_PRIVATE_KEY}\n-----END PRIVATE KEY-----'],
    [
      'template body in JSON',
      '{"key": "-----BEGIN PRIVATE KEY-----\\n{{ secrets.JWT_KEY }}\\n-----END PRIVATE KEY-----"}',
    ],
    ['code that looks for the header', "if (line.startsWith('-----BEGIN RSA PRIVATE KEY-----')) { return true; }"],
    ["concatenation with a variable", "String pem = '-----BEGIN PRIVATE KEY-----\\n' + keyBody + '\\n-----END PRIVATE KEY-----';"],
    ['public key', `-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----`],
    ['END line only', '-----END RSA PRIVATE KEY-----'],
    ['not a PEM header', 'Set PRIVATE KEY----- in the BEGIN field; -----BEGIN rsa PRIVATE KEY-----'],
  ];
  for (const [name, text] of docNegatives) {
    it(`ignores documentation / placeholder: ${name}`, () => {
      expect(scanText(text)).toEqual([]);
    });
  }

  it('ignores a random body that is not DER (a made-up RSA key) but accepts it after Proc-Type headers', () => {
    const body = randomBytes(300).toString('base64').replace(/^M/, 'Q').match(/.{1,64}/g)!.join('\n');
    expect(scanText(`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`)).toEqual([]);
    const withHeaders = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(scanText(withHeaders)).toHaveLength(1);
  });

  it('ignores an OPENSSH header whose body is not openssh-key-v1', () => {
    const body = randomBytes(300).toString('base64').match(/.{1,70}/g)!.join('\n');
    expect(scanText(`-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`)).toEqual([]);
  });

  it('a long key body cut with an ellipsis is still a leak', () => {
    const lines = rsaPem('pkcs1').split('\n');
    const text = `${lines.slice(0, 6).join('\n')}\n...\n${lines.at(-2)}`;
    expect(scanText(text)).toHaveLength(1);
  });
});

// ------------------------------------------------------------------------------------------------
// SFDX auth URLs
// ------------------------------------------------------------------------------------------------

describe('scanText: SFDX auth URLs', () => {
  it('finds a URL with client id, secret and refresh token', () => {
    const url = `force://3MVG9A2kN3Bn17hsWsLDatw._IVMEUBoPKv.7ksp0tz7xLX4tWDVgyzwTCA7i_yTfP.qYuNOsSoPi9wkHNYY:9F7E4D8A2B1C:${refreshToken()}@acme.my.salesforce.com`;
    const prefix = 'SFDX_AUTH_URL=';
    const hit = only(scanText(`${prefix}${url}\n`));
    expect(hit).toMatchObject({ kind: 'sfdx-auth-url', start: prefix.length, end: prefix.length + url.length, value: url, label: 'SFDX auth URL' });
  });

  it('finds a URL with an empty client secret (PlatformCLI default)', () => {
    const url = `force://PlatformCLI::${refreshToken()}@acme--uat.sandbox.my.salesforce.com`;
    const hit = only(scanText(`{"status":0,"result":{"sfdxAuthUrl":"${url}","username":"a@b.c"}}`));
    expect(hit.value).toBe(url);
  });

  it('finds the older force://<refreshToken>@<instance> form, with a host port', () => {
    const url = `force://${refreshToken()}@acme.my.salesforce.com:443`;
    const text = `echo ${url} > auth.txt`;
    const hit = only(scanText(text));
    expect(hit.start).toBe(5);
    expect(hit.value).toBe(url);
  });

  it('accepts = padding in parts and trims a sentence-ending period', () => {
    const url = `force://PlatformCLI==:abc=:${refreshToken()}==@acme.my.salesforce.com`;
    const hit = only(scanText(`The URL is ${url}.`));
    expect(hit.value).toBe(url);
  });

  it('finds several URLs', () => {
    const text = `A=force://PlatformCLI::${refreshToken()}@a.my.salesforce.com\nB=force://PlatformCLI::${refreshToken()}@b.my.salesforce.com`;
    expect(scanText(text).map((h) => h.start)).toEqual([2, text.indexOf('B=') + 2]);
  });

  const negatives: [string, string][] = [
    ['${REFRESH_TOKEN}', 'force://PlatformCLI::${REFRESH_TOKEN}@x.my.salesforce.com'],
    ['$REFRESH_TOKEN', 'force://PlatformCLI::$REFRESH_TOKEN@x.my.salesforce.com'],
    ['doc template', 'force://<clientId>:<clientSecret>:<refreshToken>@<instanceUrl>'],
    ['doc ellipsis', 'force://PlatformCLI::5Aep...@myorg.my.salesforce.com'],
    ['XXXX token', 'force://PlatformCLI::5Aep861XXXXXXXXXXXXXXXXXXXXXXXXXXXX@myorg.my.salesforce.com'],
    ['constant name', 'force://PlatformCLI::YOUR_REFRESH_TOKEN@myorg.my.salesforce.com'],
    ['SCREAMING_SNAKE name', 'force://PlatformCLI::SFDX_REFRESH_TOKEN_VALUE@myorg.my.salesforce.com'],
    ['short token', 'force://PlatformCLI::token123@myorg.my.salesforce.com'],
    ['placeholder word', 'force://PlatformCLI::my_placeholder_refresh_token@myorg.my.salesforce.com'],
    ['GitHub Actions expression', 'force://PlatformCLI::${{ secrets.REFRESH_TOKEN }}@x.my.salesforce.com'],
    ['no host', `force://PlatformCLI::${'5Aep861abcDEF'.repeat(4)}@`],
    ['scheme only', 'Auth URLs start with force:// and contain a refresh token.'],
    ['two parts', `force://PlatformCLI:${refreshToken()}@x.my.salesforce.com`],
    ['another scheme', `salesforce://${refreshToken()}@x.my.salesforce.com`],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => {
      expect(scanText(text)).toEqual([]);
    });
  }
});

// ------------------------------------------------------------------------------------------------
// Access tokens / session ids
// ------------------------------------------------------------------------------------------------

describe('scanText: Salesforce access tokens', () => {
  it('finds a token with a 15-character org id', () => {
    const token = accessToken();
    const text = `Authorization: Bearer ${token}\n`;
    const hit = only(scanText(text));
    expect(hit).toMatchObject({
      kind: 'salesforce-access-token',
      start: 'Authorization: Bearer '.length,
      value: token,
      label: 'Salesforce access token or session id',
    });
    expect(text.slice(hit.start, hit.end)).toBe(token);
  });

  it('finds a token with an 18-character org id, in JSON and XML', () => {
    const token = accessToken(orgId18());
    expect(only(scanText(`{"accessToken":"${token}"}`)).value).toBe(token);
    expect(only(scanText(`<sessionId>${token}</sessionId>`)).value).toBe(token);
  });

  it('trims a sentence-ending period', () => {
    const token = accessToken();
    expect(only(scanText(`The token was ${token}.`)).value).toBe(token);
  });

  it('finds several tokens', () => {
    const text = `a=${accessToken()} b=${accessToken(orgId18())}`;
    expect(scanText(text)).toHaveLength(2);
  });

  const negatives: [string, () => string][] = [
    ['short body', () => `${orgId15()}!AQ4AQabc123`],
    ['org id of wrong length', () => `00D5g${randomFrom(ALNUM, 8)}!AQ4AQ${randomFrom(ALNUM, 90)}`],
    ['no word boundary before 00D', () => `x${accessToken()}`],
    ['underscore before 00D', () => `_${accessToken()}`],
    ['XXXX org id', () => `00DXXXXXXXXXXXX!AQ4AQ${randomFrom(ALNUM, 90)}`],
    ['all-zero org id', () => `00D000000000000!AQ4AQ${randomFrom(ALNUM, 90)}`],
    ['xxx body', () => `${orgId15()}!${'x'.repeat(80)}`],
    ['ellipsis body', () => `${orgId15()}!AQ4AQ...`],
    ['<token> body', () => `${orgId15()}!<access_token>`],
    ['no bang', () => `${orgId15()}AQ4AQ${randomFrom(ALNUM, 90)}`],
    ['Apex != next to an id', () => `if (org.Id != '00D5g000004SQXeEAO') { return !${'isDeveloperEditionOrganization'.repeat(2)}; }`],
  ];
  for (const [name, make] of negatives) {
    it(`ignores ${name}`, () => {
      expect(scanText(make())).toEqual([]);
    });
  }
});

// ------------------------------------------------------------------------------------------------
// Mixed, large and clean inputs
// ------------------------------------------------------------------------------------------------

describe('scanText: mixed and clean inputs', () => {
  it('returns hits of all kinds ordered by start', () => {
    const token = accessToken();
    const url = `force://PlatformCLI::${refreshToken()}@x.my.salesforce.com`;
    const pem = ecPem('sec1');
    const text = `token=${token}\n${pem}\nurl=${url}\n`;
    const hits = scanText(text);
    expect(hits.map((h) => h.kind)).toEqual(['salesforce-access-token', 'private-key', 'sfdx-auth-url']);
    expect(hits.map((h) => h.start)).toEqual([6, text.indexOf('-----BEGIN'), text.indexOf('force://')]);
  });

  it('returns [] for ordinary metadata and Apex', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>admin@example.com</contactEmail>
    <label>My App</label>
    <oauthConfig>
        <callbackUrl>https://login.salesforce.com/services/oauth2/callback</callbackUrl>
        <consumerKey>3MVG9A2kN3Bn17hsWsLDatw._IVMEUBoPKv.7ksp0tz7xLX4tWDVgyzwTCA7i_yTfP.qYuNOsSoPi9wkHNYY</consumerKey>
        <isAdminApproved>true</isAdminApproved>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>`;
    const apex = `public with sharing class Foo {
    public static Boolean isProd() { return ![SELECT IsSandbox FROM Organization LIMIT 1].IsSandbox; }
    // Id prefix 00D is the Organization; a session id looks like 00D...!AQ...
    String hex = '#00DDFF';
}`;
    expect(scanText(xml)).toEqual([]);
    expect(scanText(apex)).toEqual([]);
    expect(scanText('')).toEqual([]);
  });

  it('handles a 5 MB text without secrets (no timing assertion)', () => {
    const chunk =
      '<fields><fullName>Amount__c</fullName><type>Currency</type><precision>18</precision></fields>\n' +
      'if (a != b) { System.debug(LoggingLevel.INFO, \'force sync for org 00D\'); }\n';
    const text = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(scanText(text)).toEqual([]);
  });

  it('handles a 5 MB text dense with near-misses of every kind (no timing assertion)', () => {
    const chunk =
      'docs: -----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n' +
      'url: force://PlatformCLI::${TOKEN}@x.my.salesforce.com\n' +
      'token: 00D5g000004SQXe!short and 00D!\n';
    const text = chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length));
    expect(scanText(text)).toEqual([]);
  });

  it('hits are fresh arrays (callers may mutate)', () => {
    const a = scanText('clean');
    a.push({ kind: 'private-key', start: 0, end: 0, value: '', label: '' });
    expect(scanText('clean')).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// Placeholders
// ------------------------------------------------------------------------------------------------

describe('isPlaceholder', () => {
  const placeholders = [
    '',
    '   ',
    '${CONSUMER_SECRET}',
    '$CONSUMER_SECRET',
    '${{ secrets.SFDX_AUTH_URL }}',
    '{{consumer_secret}}',
    '{!$Credential.Password}',
    '{!$Credential.OAuthToken}',
    'Placeholder_Value',
    'placeholder',
    '<your consumer secret>',
    '<redacted>',
    '[REDACTED]',
    'xxx',
    'xxxxxxxxxxxx',
    'XXXX',
    '3MVG9XXXXXXXXXXXX',
    'abcXXXXXXdef1234567890',
    '***',
    '********',
    'changeme',
    'CHANGE_ME',
    'YOUR_CONSUMER_SECRET',
    'your_secret_here',
    'YourSecretHere',
    '...',
    '5Aep861...',
    'example',
    'example-secret-123',
    'dummy',
    'dummy_secret',
    'test',
    'test123',
    'Testing',
    'secret',
    'token',
    'password',
    'none',
    'null',
    'TODO',
    '1234',
    'abc',
    'x',
    '""',
    "'changeme'",
    'CONSUMER_SECRET',
    '0000000000',
  ];
  for (const v of placeholders) {
    it(`treats ${JSON.stringify(v)} as a placeholder`, () => {
      expect(isPlaceholder(v)).toBe(true);
    });
  }

  const secrets = [
    'F1D5A2C3B4E5F60718293A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D', // consumer secret shape
    '9F7E4D8A2B1C3D5E',
    'hunter2!',
    'Sup3r-S3cret-P@ss',
    refreshToken(),
    accessToken(),
    'AKIAIOSFODNN7EXAMPL3',
  ];
  for (const v of secrets) {
    it(`treats ${JSON.stringify(v.slice(0, 12))}… as a real value`, () => {
      expect(isPlaceholder(v)).toBe(false);
    });
  }

  it('does not match marker words or x-runs in random mixed case (regressions from real generated keys)', () => {
    // First lines of real EC keys that an earlier case-insensitive matcher dismissed ('DumMY', 'xxxX').
    expect(isPlaceholder('MHcCAQEEIKC1AzF7AS7ygGfHPQVpFZhBzdL88/Vg2XDumMYfJnSUoAoGCCqGSM49')).toBe(false);
    expect(isPlaceholder('MHcCAQEEIL7D0t8e9IxxxXFe3eaYABC/mQNWQRbqrzGCeULVuMpSoAoGCCqGSM49')).toBe(false);
    expect(isPlaceholder('5Aep861qSaMPLeRt0kPq9x8ZzExAmPlEq7YrT2wN4vB1cD6fG3hJ5kL0mN8pQ')).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------------
// Masking
// ------------------------------------------------------------------------------------------------

describe('maskSecret', () => {
  it('keeps at most 4 leading characters and a fixed tail', () => {
    expect(maskSecret('3MVG9A2kN3Bn17hsWsLDatw._IVMEUBoPKv')).toBe('3MVG…****');
    expect(maskSecret('ABCDEFGHIJKLMNOP')).toBe('ABCD…****');
  });

  it('shows at most a quarter of a short value', () => {
    expect(maskSecret('abcdef')).toBe('a…****'); // 6 chars -> 1
    expect(maskSecret('abcdefgh')).toBe('ab…****');
    expect(maskSecret('abc')).toBe('…****');
    expect(maskSecret('a')).toBe('…****');
  });

  it('does not reveal the length', () => {
    expect(maskSecret('x'.repeat(20))).toBe(maskSecret('x'.repeat(2000)));
  });

  it('returns empty for empty input', () => {
    expect(maskSecret('')).toBe('');
  });

  it('never contains the full value', () => {
    const values = [
      'ab',
      'abcd',
      'abcde',
      'hunter2',
      'a…****',
      refreshToken(),
      accessToken(),
      `force://PlatformCLI::${refreshToken()}@x.my.salesforce.com`,
      '🔑🔑🔑🔑🔑🔑🔑🔑',
    ];
    for (const v of values) {
      const m = maskSecret(v);
      expect(m).not.toBe(v);
      expect(m.includes(v)).toBe(false);
      expect(m.endsWith('…****')).toBe(true);
      expect(Array.from(m.slice(0, -'…****'.length)).length).toBeLessThanOrEqual(4);
    }
  });

  it('never splits a surrogate pair', () => {
    expect(maskSecret('🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('🔑🔑…****');
  });

  it('masks every hit value from the scanner', () => {
    const hits = scanText(`${rsaPem('pkcs1')}\n${accessToken()}\nforce://PlatformCLI::${refreshToken()}@x.my.salesforce.com`);
    expect(hits).toHaveLength(3);
    for (const h of hits) {
      const m = maskSecret(h.value);
      expect(m).not.toContain(h.value);
      expect(m.startsWith(h.value.slice(0, 4))).toBe(true);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------------

describe('isProbablyBinary', () => {
  const bin = (...b: number[]): Uint8Array => Uint8Array.from([...b, 0x41, 0x42, 0x43, 0x0a]);
  it('detects magic numbers', () => {
    expect(isProbablyBinary(bin(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(true); // PNG
    expect(isProbablyBinary(bin(0xff, 0xd8, 0xff, 0xe0))).toBe(true); // JPEG
    expect(isProbablyBinary(new TextEncoder().encode('GIF89a....'))).toBe(true);
    expect(isProbablyBinary(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'))).toBe(true);
    expect(isProbablyBinary(bin(0x50, 0x4b, 0x03, 0x04))).toBe(true); // ZIP / JAR / XLSX
    expect(isProbablyBinary(bin(0x1f, 0x8b, 0x08))).toBe(true); // gzip
  });

  it('detects a NUL byte in the first 8000 bytes only', () => {
    const early = new Uint8Array(10_000).fill(0x61);
    early[7999] = 0;
    expect(isProbablyBinary(early)).toBe(true);
    const late = new Uint8Array(10_000).fill(0x61);
    late[8000] = 0;
    expect(isProbablyBinary(late)).toBe(false);
  });

  it('does not treat a DER SEQUENCE prefix alone as binary, nor text', () => {
    expect(isProbablyBinary(Uint8Array.from([0x30, 0x82, 0x0a, 0x41, 0x42]))).toBe(false);
    expect(isProbablyBinary(new TextEncoder().encode('<?xml version="1.0"?>\n<ConnectedApp/>'))).toBe(false);
    expect(isProbablyBinary(new TextEncoder().encode('héllo wörld – ✓'))).toBe(false);
    expect(isProbablyBinary(new Uint8Array(0))).toBe(false);
    expect(isProbablyBinary(new TextEncoder().encode(rsaPem('pkcs8')))).toBe(false);
  });
});

describe('keystores and secret-prone names', () => {
  it('lists the keystore extensions', () => {
    expect(KEYSTORE_EXTENSIONS).toEqual(['.p12', '.pfx', '.jks', '.keystore']);
  });

  it('recognises keystores case-insensitively', () => {
    for (const p of ['certs/server.p12', 'C:\\keys\\Prod.PFX', 'android/app/release.keystore', 'trust.JKS']) {
      expect(isKeystorePath(p)).toBe(true);
    }
    for (const p of ['server.key', 'p12', 'notes.p12.txt', 'keystore.md']) {
      expect(isKeystorePath(p)).toBe(false);
    }
  });

  it('recognises secret-prone names', () => {
    const yes = [
      'server.key',
      'jwt/SERVER.KEY',
      'certs/private.pem',
      '.env',
      'config/.env.local',
      '.env.production',
      'prod.env',
      'org.sfdxurl',
      'authFile.json',
      'auth.json',
      'sfdx-auth.json',
      'sfdx_auth_url.txt',
      'sfdxAuthUrl.txt',
      'C:\\ci\\authUrl.txt',
      'keys/id_rsa',
      'id_ed25519',
      'AuthKey_ABC123.p8',
      'release.keystore',
      '.sfdx/admin@acme.com.json',
      '/home/u/.sfdx/key.json',
      '.sf/someone@acme.com.json',
    ];
    for (const p of yes) expect(isSecretProneName(p), p).toBe(true);
    const no = [
      'force-app/main/default/connectedApps/App.connectedApp-meta.xml',
      'sfdx-project.json',
      'keys/id_rsa.pub',
      'README.md',
      'environment.ts',
      'package.json',
      '.sfdx/tools/sobjects/standardObjects/Account.cls',
      '.sf/config.json',
      'oauth.json.md',
      'certs/server.crt',
    ];
    for (const p of no) expect(isSecretProneName(p), p).toBe(false);
  });
});
