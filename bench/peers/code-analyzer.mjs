#!/usr/bin/env node
// What a Salesforce Code Analyzer user would configure to catch `<scopes>Full</scopes>`: the core library with the
// regex engine and one custom rule limited to connected app files, run over the whole project.
// Usage: node bench/peers/code-analyzer.mjs <project-dir>
// Prints {"violations": N} on success; on a load or run failure prints `unavailable: <reason>` on stderr, exits 3.

import { resolve } from 'node:path';

const RULE = 'NoFullScopeInConnectedApp';

/** The `engines.regex` section a user writes in code-analyzer.yml. */
const CONFIG = {
  engines: {
    regex: {
      custom_rules: {
        [RULE]: {
          regex: '/<scopes>\\s*Full\\s*<\\/scopes>/g',
          file_extensions: ['.connectedApp-meta.xml'],
          description: 'Connected apps must not request the Full OAuth scope.',
          violation_message: 'The Full scope grants every permission of the user; request only the scopes the app needs.',
          severity: 2,
        },
      },
    },
  },
};

async function main(target) {
  const { CodeAnalyzer, CodeAnalyzerConfig } = await import('@salesforce/code-analyzer-core');
  const { createEnginePlugin } = await import('@salesforce/code-analyzer-regex-engine');
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromObject(CONFIG, target));
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace([target]);
  const selection = await analyzer.selectRules([`regex:${RULE}`], { workspace });
  if (selection.getCount() !== 1) throw new Error(`expected the custom rule to be selected, got ${selection.getCount()} rules`);
  const results = await analyzer.run(selection, { workspace });
  return results.getViolationCount();
}

const target = resolve(process.argv[2] ?? '.');
try {
  const violations = await main(target);
  process.stdout.write(`${JSON.stringify({ violations })}\n`);
} catch (error) {
  process.stderr.write(`unavailable: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
  process.exitCode = 3;
}
