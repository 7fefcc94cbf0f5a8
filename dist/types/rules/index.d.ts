import type { Rule } from '../types.js';
export declare const builtinRules: readonly Rule[];
