// Types of scripts/generate.mjs, for the tests that keep the generated files in step.
export declare const GENERATED: { rulesIndex: string; schema: string; validator: string };
export declare function validatorSource(schema: Record<string, unknown>): string;
export declare function generatedFiles(modules: { registryConfigSchema: () => Record<string, unknown>; renderRulesMarkdown: () => string }): Record<string, string>;
export declare function rulePageFiles(modules: {
  metas: readonly import('../src/types.js').RuleMeta[];
  withGeneratedHeader: (page: string, meta: import('../src/types.js').RuleMeta) => string;
}): Record<string, string>;
