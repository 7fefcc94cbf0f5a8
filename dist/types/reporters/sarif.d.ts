import type { Finding, LintRun } from '../types.js';
import type { Reporter, ReporterOptions } from './types.js';
export declare const DEFAULT_SARIF_CATEGORY = "connected-app-lint/";
/** GitHub's upload limits: over a maximum the whole file is rejected, so we stay under them ourselves. */
export declare const GITHUB_SARIF_LIMITS: {
    readonly resultsPerRun: 25000;
    /** 10 MB, gzip-compressed (read as 10,000,000 bytes, the stricter reading). */
    readonly gzippedBytes: 10000000;
    readonly descriptionLength: 1024;
    readonly nameLength: 255;
    readonly tagsPerRule: 20;
};
type SarifLevel = 'error' | 'warning' | 'note' | 'none';
interface SarifMessage {
    text: string;
    markdown?: string;
}
interface SarifLocation {
    physicalLocation: {
        artifactLocation: {
            uri: string;
            uriBaseId?: string;
        };
        region: {
            startLine: number;
            startColumn: number;
            endLine?: number;
            endColumn?: number;
        };
    };
}
interface SarifReportingDescriptor {
    id: string;
    name?: string;
    shortDescription: SarifMessage;
    fullDescription: SarifMessage;
    helpUri?: string;
    help: SarifMessage;
    defaultConfiguration: {
        level: SarifLevel;
        enabled?: boolean;
    };
    properties: {
        tags: string[];
        precision?: string;
        'security-severity'?: string;
    };
}
interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: SarifLevel;
    message: SarifMessage;
    locations: [SarifLocation];
    partialFingerprints: {
        primaryLocationLineHash: string;
    };
    suppressions?: {
        kind: 'inSource' | 'external';
        justification?: string;
    }[];
}
interface SarifNotification {
    level: SarifLevel;
    message: SarifMessage;
    locations?: SarifLocation[];
    associatedRule?: {
        id: string;
        index: number;
    };
}
export interface SarifLog {
    $schema: string;
    version: '2.1.0';
    runs: [
        {
            tool: {
                driver: {
                    name: string;
                    semanticVersion: string;
                    informationUri: string;
                    rules: SarifReportingDescriptor[];
                };
            };
            automationDetails: {
                id: string;
            };
            originalUriBaseIds: Record<string, {
                uri: string;
            }>;
            columnKind: 'utf16CodeUnits';
            invocations: [{
                executionSuccessful: boolean;
                toolExecutionNotifications: SarifNotification[];
            }];
            results: SarifResult[];
        }
    ];
}
export declare const sarifReporter: Reporter;
/**
 * The SARIF text, minified (GitHub's size limit is on the gzipped file). Past GitHub's limits the least severe
 * results are left out, until both the result count and the gzipped size fit, and a notification says so.
 */
export declare function renderSarifWithinLimits(run: LintRun, options: Pick<ReporterOptions, 'sarifCategory'>): string;
interface ResultEntry {
    finding: Finding;
    /** Position in the run's order (file, line), restored after the most severe are picked. */
    order: number;
}
/** Builds the log keeping the `keep` most severe results (suppressed ones go first when something must go). */
export declare function buildSarifLog(run: LintRun, options: Pick<ReporterOptions, 'sarifCategory'>, entries?: ResultEntry[], keep?: number): SarifLog;
/**
 * `category/run-id`, read by GitHub up to the last `/`. A category given without a `/` gets one appended, as
 * github/codeql-action does with its `category` input, so that the whole string is the category.
 */
export declare function automationId(category: string | undefined): string;
export {};
