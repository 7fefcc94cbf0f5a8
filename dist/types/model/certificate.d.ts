/** What we can tell about an X.509 certificate without trusting or verifying it. */
export interface CertificateInfo {
    /** Readable one-liner, most specific attribute first (RFC 4514 order), e.g. `CN=HelpAndSupport, O=Australia Post, C=AU`. */
    subject: string;
    /** Same format as `subject`. Equal to `subject` for a self-signed certificate. */
    issuer: string;
    notBefore: Date;
    notAfter: Date;
    /** `asymmetricKeyType` of the public key: 'rsa' | 'rsa-pss' | 'ec' | 'dsa' | 'ed25519' | ... */
    keyType: string;
    /** RSA/DSA modulus length; for EC, the size of the named curve (256 for P-256). Absent when unknown. */
    keyBits?: number;
    /** EC only: the named curve as Node reports it, e.g. 'prime256v1'. */
    namedCurve?: string;
    /**
     * The outer signatureAlgorithm of the certificate, e.g. 'sha1WithRSAEncryption', 'sha256WithRSAEncryption',
     * 'ecdsa-with-SHA256', 'RSASSA-PSS'; the dotted OID when the algorithm is not one we know.
     */
    signatureAlgorithm?: string;
    /** SHA-256 fingerprint of the DER, colon-separated upper-case hex (as Node formats it). */
    fingerprint256: string;
}
export type CertificateAnalysis = {
    ok: true;
    info: CertificateInfo;
} | {
    ok: false;
    reason: string;
};
/** True for signatures whose digest is broken for certificate use: SHA-1, MD5 (and MD2/MD4). */
export declare function isWeakSignature(alg: string | undefined): boolean;
/** Whole days from `now` until `date`, rounded down; negative once `date` has passed. */
export declare function daysUntil(date: Date, now: Date): number;
/** Accepts a PEM certificate or bare base64 DER (what a Salesforce retrieve writes: no BEGIN/END lines, maybe with whitespace/newlines). Never throws. */
export declare function analyzeCertificate(text: string): CertificateAnalysis;
/**
 * A certificate is a few kilobytes (a 16384-bit RSA one is under 6 KB): anything far longer is not one, and is
 * refused before any scanning, so that a pasted blob or a hostile file costs nothing.
 */
export declare const MAX_CERTIFICATE_LENGTH: number;
/** A certificate element holds one certificate; a chain is a handful. More BEGIN lines than this are not a certificate. */
export declare const MAX_PEM_BLOCKS = 16;
