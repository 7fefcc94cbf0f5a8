import type { Rule } from '../types.js';
/**
 * The rule with its clock: the registry uses the real one; tests pass a fixed date so that "expires within N days"
 * can be shown without fixtures that rot.
 */
export declare function createCertificateValid(now?: () => Date): Rule;
export declare const certificateValid: Rule;
