// Time bounds for the CPU-trap tests, relative to a baseline measured in the same test: never a wall-clock figure.
import { expect } from 'vitest';

/** Milliseconds one call takes. */
export async function timeOf(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Expects `crafted` (a hostile input) to cost at most `factor` times `benign` (an ordinary input of the same size,
 * through the same code). The baseline is warmed up, then measured three times and the slowest kept, so that a
 * loaded machine makes the bound looser, never tighter. Returns both times for the failure message.
 */
export async function expectLinearTime(benign: () => unknown, crafted: () => unknown, factor: number): Promise<{ benign: number; crafted: number }> {
  await benign();
  let baseline = 0;
  for (let round = 0; round < 3; round++) baseline = Math.max(baseline, await timeOf(benign));
  const hostile = await timeOf(crafted);
  // CALINT_SHOW_TIMES=1 prints both times (for the numbers in a pull request).
  if (process.env.CALINT_SHOW_TIMES) console.log(`TIMES crafted ${hostile.toFixed(0)} benign ${baseline.toFixed(0)}`);
  expect(hostile, `crafted input took ${hostile.toFixed(0)} ms, the same-size benign input ${baseline.toFixed(0)} ms`).toBeLessThanOrEqual(factor * baseline);
  return { benign: baseline, crafted: hostile };
}

export const ONE_MB = 1024 * 1024;

/** `unit` repeated until the text is about `size` characters long. */
export function fill(unit: string, size: number = ONE_MB): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/**
 * Expects `run(input(4n))` to cost at most `factor` times four times `run(input(n))`: linear work passes with room to
 * spare, quadratic work costs sixteen times as much and fails. Inputs are built before the clock starts; the call is
 * repeated until the size-n measurement takes ~20 ms, so that a bounded (constant-time) call is not all noise; the
 * baseline is the slowest of three, so a loaded machine makes the bound looser, never tighter.
 */
export async function expectLinearGrowth(input: (size: number) => string, run: (text: string) => unknown, size: number, factor = 2): Promise<void> {
  const small = input(size);
  const large = input(size * 4);
  run(small);
  let repeat = 1;
  while (repeat < 1 << 20 && (await timeOf(() => loop(run, small, repeat))) < 20) repeat *= 2;
  let baseline = 0;
  for (let round = 0; round < 3; round++) baseline = Math.max(baseline, await timeOf(() => loop(run, small, repeat)));
  const grown = await timeOf(() => loop(run, large, repeat));
  if (process.env.CALINT_SHOW_TIMES) console.log(`TIMES n ${baseline.toFixed(1)} 4n ${grown.toFixed(1)} (x${repeat})`);
  expect(grown, `4n took ${grown.toFixed(0)} ms, n ${baseline.toFixed(0)} ms (${repeat} calls each)`).toBeLessThanOrEqual(4 * factor * baseline);
}

function loop(run: (text: string) => unknown, text: string, times: number): void {
  for (let i = 0; i < times; i++) run(text);
}
