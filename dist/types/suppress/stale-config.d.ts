import type { Severity } from '../types.js';
import type { LoadedConfig } from '../config/types.js';
import type { FindingPostProcessor } from '../engine/lint.js';
export interface StaleConfigOptions {
    config: LoadedConfig;
    /** The configured severity of a `config` finding; undefined when the rule is off. */
    severity(requested: Severity): Severity | undefined;
}
/**
 * Reports configured apps absent from the linted project. Only meaningful when the run saw the whole project
 * (not --staged, not one sub-folder): the caller decides whether to add this step.
 */
export declare function createStaleConfigProcessor(options: StaleConfigOptions): FindingPostProcessor;
/**
 * Where an app's key sits under `apps`, in YAML or JSON alike, found by text (a YAML parser for one position is
 * not worth loading): the first `Name:` or `"Name":` after the `apps` key.
 */
export declare function appKeyOffset(text: string, name: string): number | undefined;
