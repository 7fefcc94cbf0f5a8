// `connected-app-lint diff`: the posture diff, written in the chosen format; the exit code from --fail-on.
import { computeDiff } from '../diff/compute.js';
import { diffFailure } from '../diff/gate.js';
import type { PostureDiff } from '../diff/types.js';
import { isCi } from '../linter/options.js';
import { writeFileSafely } from '../project/write.js';
import { renderDiffJson } from '../reporters/diff/json.js';
import { renderDiffMarkdown } from '../reporters/diff/markdown.js';
import { renderDiffText } from '../reporters/diff/text.js';
import { safeLines } from '../text/safe-text.js';
import type { DiffArgs } from './diff-args.js';

export interface DiffIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function renderDiff(diff: PostureDiff, format: DiffArgs['format']): string {
  return format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
}

export async function runDiff(args: DiffArgs, io: DiffIo): Promise<number> {
  const diff = await computeDiff(args, io);
  const report = renderDiff(diff, args.format);
  if (args.outputFile !== undefined) writeFileSafely(args.outputFile, report, { what: 'report', base: io.cwd, allowSymlink: !isCi(io.env) });
  else io.stdout.write(report);
  if (args.format !== 'text') for (const notice of diff.notices) io.stderr.write(`connected-app-lint: ${safeLines(notice)}\n`);
  const failure = diffFailure(diff, args.failOn);
  if (failure && args.format === 'text') io.stderr.write(`connected-app-lint: ${failure}\n`);
  return failure ? 1 : 0;
}
