/**
 * The secret scan's pre-filter: one pass over a file that decides whether the detailed detectors (scan.ts) need to
 * look at it at all. It matches the one anchor every detector needs before it can hit:
 *
 *   - `PRIVATE KEY`  every PEM / PGP private key header (`-----BEGIN … PRIVATE KEY-----`) holds it;
 *   - `force://`     every SFDX auth URL (not `://` alone, which every XML namespace holds);
 *   - `00D…!`        an org id (`00D` + 12 or 15 alphanumerics) and the `!` every access token or session id has;
 *   - `&#`           a numeric XML character reference, which the XML scan decodes before detecting, so an anchor
 *                    may hide behind one (`force&#58;//`, `PRIVATE&#32;KEY`). Named references (`&amp;`, `&lt;`…)
 *                    decode only to `& < > " '`, none of which an anchor contains.
 *
 * It may pass a file that holds no secret (any URL passes); it must never drop one: test/secret-prefilter.test.ts
 * runs every detector's positive fixture through it. The detectors keep their own checks, so the pre-filter only
 * saves work: most files of a project hold none of the anchors and cost this one pass.
 */
const SECRET_ANCHOR = /PRIVATE KEY|force:\/\/|00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?!|&#/;

/** Whether `text` (raw, before any XML decoding) may hold a secret the detectors would report. */
export function mayHoldSecret(text: string): boolean {
  return SECRET_ANCHOR.test(text);
}
