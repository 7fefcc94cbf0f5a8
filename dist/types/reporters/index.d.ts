import type { Reporter } from './types.js';
export declare const FORMATS: string[];
export declare function loadReporter(format: string): Promise<Reporter | undefined>;
