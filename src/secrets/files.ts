// Pure helpers that classify files for the secret scan (no I/O: callers pass bytes or paths).

/** How much of a file is inspected for a NUL byte (the same window git uses). */
const BINARY_SNIFF_BYTES = 8000;

/** Leading bytes of common binary formats. A bare DER SEQUENCE (0x30 0x82, e.g. PKCS#12) is deliberately absent. */
const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], // GIF87a
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP / JAR / XLSX / DOCX
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x50, 0x4b, 0x07, 0x08], // spanned ZIP
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xca, 0xfe, 0xba, 0xbe], // Java class / Mach-O fat
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x77, 0x4f, 0x46, 0x46], // WOFF
  [0x77, 0x4f, 0x46, 0x32], // WOFF2
];

function startsWithBytes(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** The leading bytes of a known binary format (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF, …). */
export function hasMagicNumber(bytes: Uint8Array): boolean {
  return MAGIC_NUMBERS.some((magic) => startsWithBytes(bytes, magic));
}

/** A NUL byte in the first 8000 bytes, or a known binary magic number (PNG, JPEG, GIF, PDF, ZIP, gzip, …). */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  if (hasMagicNumber(bytes)) return true;
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  // indexOf is native and much faster than a JS loop.
  return bytes.subarray(0, end).indexOf(0) !== -1;
}

export const KEYSTORE_EXTENSIONS = ['.p12', '.pfx', '.jks', '.keystore'];

/** Binary key stores (PKCS#12, Java KeyStore), by extension, case-insensitively. */
export function isKeystorePath(path: string): boolean {
  // One native test: it runs on each file of the repository, where a lower-cased copy of each path cost ~3 ms.
  return KEYSTORE_PATH.test(path);
}

const KEYSTORE_PATH = new RegExp(`(?:${KEYSTORE_EXTENSIONS.map((ext) => ext.replace('.', '\\.')).join('|')})$`, 'i');

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? path : path.slice(cut + 1);
}

/** Key files: `server.key`, `*.pem`, PKCS#8 `*.p8`, PuTTY `*.ppk`; SFDX auth URL files `*.sfdxurl`. */
const SECRET_EXTENSION_RE = /\.(?:key|pem|p8|ppk|sfdxurl|env)$/;
/** `.env`, `.env.local`, `.env.production`, `.env.example` (real values get pasted into templates too). */
const DOTENV_RE = /^\.env(?:\.[^/\\]+)?$/;
/** SSH private keys (not their `.pub`). */
const SSH_KEY_RE = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
/** `authFile.json`, `auth.json`, `sfdx-auth.json`, `sfdx_auth_url.txt`, `authUrl.txt`, `sfdxAuthUrl.json`. */
const AUTH_FILE_RE = /^(?:.*[-_.])?auth(?:[-_]?(?:file|url|info))?\.(?:json|txt)$|sfdx[-_]?(?:auth|url)/;

/**
 * Files users commonly leak secrets in: `.key`, `.pem`, `.env`, `.env.*`, `*.sfdxurl`, `authFile.json`-like
 * names, SSH keys, key stores, and the SFDX CLI's per-user auth files (`.sfdx/<username>.json`, `.sfdx/key.json`).
 * Informational: used by the pre-commit file filter; the text scan decides what is actually a secret.
 */
export function isSecretProneName(path: string): boolean {
  const name = baseName(path).toLowerCase();
  if (name.length === 0) return false;
  if (SECRET_EXTENSION_RE.test(name) || DOTENV_RE.test(name) || SSH_KEY_RE.test(name)) return true;
  if (AUTH_FILE_RE.test(name)) return true;
  if (isKeystorePath(name)) return true;
  // CLI auth state: `~/.sfdx/user@example.com.json`, `.sfdx/key.json`, same under `.sf/`.
  const segments = path.split(/[/\\]/);
  if (segments.includes('.sfdx') || segments.includes('.sf')) {
    if (name.endsWith('.json') && (name.includes('@') || name === 'key.json')) return true;
  }
  return false;
}
