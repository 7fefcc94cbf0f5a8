/** The leading bytes of a known binary format (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF, …). */
export declare function hasMagicNumber(bytes: Uint8Array): boolean;
/** A NUL byte in the first 8000 bytes, or a known binary magic number (PNG, JPEG, GIF, PDF, ZIP, gzip, …). */
export declare function isProbablyBinary(bytes: Uint8Array): boolean;
export declare const KEYSTORE_EXTENSIONS: string[];
/** Binary key stores (PKCS#12, Java KeyStore), by extension, case-insensitively. */
export declare function isKeystorePath(path: string): boolean;
/**
 * Files users commonly leak secrets in: `.key`, `.pem`, `.env`, `.env.*`, `*.sfdxurl`, `authFile.json`-like
 * names, SSH keys, key stores, and the SFDX CLI's per-user auth files (`.sfdx/<username>.json`, `.sfdx/key.json`).
 * Informational: used by the pre-commit file filter; the text scan decides what is actually a secret.
 */
export declare function isSecretProneName(path: string): boolean;
