import type { Reporter } from './types.js';

/**
 * The formats, each loaded only when asked for: the text reporter pulls in eslint-formatter-pretty and its
 * dependencies, which a JSON or SARIF run never needs.
 */
const loaders: Record<string, () => Promise<Reporter>> = {
  text: async () => (await import('./text.js')).textReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  github: async () => (await import('./github.js')).githubReporter,
  // The GitHub job summary's Markdown, for `-o report.md` anywhere (a pull-request comment, a CI artifact).
  markdown: async () => {
    const { renderJobSummary } = await import('./github-summary.js');
    return { format: 'markdown', render: (run, options) => renderJobSummary(run, options) };
  },
};

export const FORMATS = Object.keys(loaders);

export async function loadReporter(format: string): Promise<Reporter | undefined> {
  return loaders[format]?.();
}
