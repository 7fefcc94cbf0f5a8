import type { RuleMeta } from '../types.js';
export declare const PARSE_ERROR: RuleMeta;
export declare const SUPPRESSION_DIRECTIVE: RuleMeta;
export declare const CONFIG: RuleMeta;
export declare const ENGINE_RULES: readonly RuleMeta[];
