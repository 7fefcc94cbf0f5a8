// The registry of built-in rules: adding a rule is one file in this folder, one line here, one docs page.
import type { Rule } from '../types.js';
import { noFullScope } from './no-full-scope.js';

export const builtinRules: readonly Rule[] = [noFullScope];
