// Microsoft's SARIF Multitool with GitHub's ingestion rules (the OASIS schema check is in test/shared/sarif-schema.ts).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export interface MultitoolResult {
  ruleId: string;
  level: string;
  message: string;
  /** The validated file the result is about. */
  file: string;
}

/**
 * Runs `sarif-multitool validate <files> -o <out> --rule-kind "Sarif;Gh"` and returns its results.
 * The npm bin runs the binary through a shell that splits `Sarif;Gh` at the `;` and silently drops the GitHub
 * rules, so the native binary (the path the package's main module returns) is spawned with an argument array
 * (DECISIONS 7). npm 11 skipped the package's postinstall chmod, so it is made executable here. The tool exits 0
 * whatever it finds: the verdict is in the output file. A result without `level` is a warning (SARIF's default).
 */
export function runMultitool(sarifFiles: string[]): MultitoolResult[] {
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  if ((statSync(binary).mode & 0o100) === 0) chmodSync(binary, 0o755);
  const out = join(mkdtempSync(join(tmpdir(), 'calint-multitool-')), 'check.sarif');
  const run = spawnSync(binary, ['validate', ...sarifFiles, '-o', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], {
    encoding: 'utf8',
    // .NET needs libicu unless it runs culture-invariant, and validation needs no culture data.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  if (run.error) throw run.error;
  let log: { runs: { results?: unknown[]; artifacts?: { location: { uri: string } }[] }[] };
  try {
    log = JSON.parse(readFileSync(out, 'utf8'));
  } catch (error) {
    throw new Error(`sarif-multitool wrote no readable output (exit ${run.status}): ${run.stdout}\n${run.stderr}\n${(error as Error).message}`);
  }
  const run0 = log.runs[0]!;
  return (run0.results ?? []).map((raw) => {
    const result = raw as {
      ruleId: string;
      level?: string;
      message: { text?: string; id?: string; arguments?: string[] };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string; index?: number } } }[];
    };
    const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
    const file = artifact?.uri ?? (artifact?.index !== undefined ? run0.artifacts?.[artifact.index]?.location.uri : undefined) ?? '';
    return {
      ruleId: result.ruleId,
      level: result.level ?? 'warning',
      message: result.message.text ?? `${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`,
      file,
    };
  });
}

/** Writes a SARIF text to a temp file for the multitool. */
export function writeTempSarif(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'calint-sarif-')), `${name}.sarif`);
  writeFileSync(path, text);
  return path;
}
