// The performance budgets (issue 7, tightened by issue 16), judged from the bench results. Measured, never asserted
// in the test suite.
// Each verdict: met true/false, or null when a scenario it needs did not run (the reason is in `note`).

const KIB_PER_MIB = 1024;
/** Peak RSS moves by a few MiB between runs (GC timing): growth up to 10% over the file ratio still counts as linear. */
const LINEAR_TOLERANCE = 1.1;
/** Two CPU-time medians closer than this share are the same number on a shared machine. */
const NOISE_SHARE = 0.03;

const ok = (result) => result?.status === 'ok';
const why = (id, results) => `${id} ${results[id] ? `${results[id].status}: ${results[id].reason}` : 'not run'}`;

/** A budget over some scenarios: judged when all of them ran, otherwise not run with the reasons. */
function budget(results, ids, base, judge) {
  const missing = ids.filter((id) => !ok(results[id]));
  if (missing.length) return { ...base, met: null, note: missing.map((id) => why(id, results)).join('; ') };
  return { ...base, ...judge(...ids.map((id) => results[id])) };
}

export function evaluateBudgets(results, trees) {
  const budgets = [
    // Start-up and pre-commit over the runtime's own start (node -e 0), measured in the same rounds.
    budget(results, ['startup', 'node-startup'], { id: 'startup', description: 'startup (--version) − node -e 0, median wall', limit: '≤ 60 ms', unit: 'ms' }, (startup, node) => ({
      measured: startup.medianMs - node.medianMs,
      met: startup.medianMs - node.medianMs <= 60,
      note: `${Math.round(startup.medianMs)} ms wall; node -e 0 alone: ${Math.round(node.medianMs)} ms`,
    })),
    budget(results, ['precommit', 'node-startup'], { id: 'precommit', description: 'precommit (--staged, one app) − node -e 0, median wall', limit: '≤ 160 ms', unit: 'ms' }, (precommit, node) => ({
      measured: precommit.medianMs - node.medianMs,
      met: precommit.medianMs - node.medianMs <= 160,
      note: `${Math.round(precommit.medianMs)} ms wall`,
    })),
    floorBudget(results, 'repo-20k', 'floor-20k'),
    floorBudget(results, 'repo-100k', 'floor-100k'),
    secretlintBudget(results, 'secretlint-20k', 'secretlint-20k ÷ repo-20k, median wall', 5),
    secretlintBudget(results, 'secretlint-20k-fixed', 'secretlint-20k-fixed (its profiler bug fixed) ÷ repo-20k, median wall', 8),
    budget(results, ['repo-100k'], { id: 'rss-100k', description: 'peak RSS, repo-100k', limit: '< 200 MiB', unit: 'MiB' }, (big) => ({
      measured: big.peakRssKb / KIB_PER_MIB,
      met: big.peakRssKb / KIB_PER_MIB < 200,
    })),
    // Linear growth: the memory above the bare process (startup) may grow at most as fast as the file count.
    budget(results, ['startup', 'repo-20k', 'repo-100k'], { id: 'rss-linear', description: 'peak RSS above the bare process, 100k ÷ 20k', unit: 'x' }, (startup, small, big) => {
      const files = (tree) => tree.summary.otherFiles + tree.summary.connectedAppFiles;
      const fileRatio = files(trees['repo-100k']) / files(trees['repo-20k']);
      const growth = (big.peakRssKb - startup.peakRssKb) / (small.peakRssKb - startup.peakRssKb);
      return {
        limit: `≤ ${fileRatio.toFixed(2)}x (the file ratio)`,
        measured: growth,
        met: growth <= fileRatio * LINEAR_TOLERANCE,
        note: `wall time grows ${(big.medianMs / small.medianMs).toFixed(2)}x for ${fileRatio.toFixed(2)}x the files`,
      };
    }),
    // Rules on files that hold no app: all rules against the secret scan alone, on a tree with no app at all.
    // Judged on CPU time, which other processes on the machine hardly move, unlike wall time.
    budget(
      results,
      ['no-app-20k', 'no-app-20k-scan-only'],
      { id: 'no-app-cost', description: 'CPU of all rules − CPU of the secret scan alone, 20k files without an app', unit: 'ms' },
      (all, scanOnly) => {
        const delta = all.medianCpuMs - scanOnly.medianCpuMs;
        const noise = Math.max(scanOnly.medianCpuMs * NOISE_SHARE, (scanOnly.maxCpuMs - scanOnly.minCpuMs) / 2);
        return {
          limit: `within noise (≤ ${Math.round(noise)} ms: ${NOISE_SHARE * 100}% or half the min–max spread)`,
          measured: delta,
          met: delta <= noise,
          note: `${((delta / scanOnly.medianCpuMs) * 100).toFixed(1)}% of the scan-only CPU; wall ${Math.round(all.medianMs)} vs ${Math.round(scanOnly.medianMs)} ms`,
        };
      },
    ),
  ];
  return budgets;
}

/** The full lint on two cores no slower than the single-threaded floor (issue 16); the workers-off run beside it. */
function floorBudget(results, oursId, floorId) {
  return budget(results, [oursId, floorId], { id: `${oursId}-vs-floor`, description: `${oursId} ÷ ${floorId}, median wall`, limit: '≤ 1.0x', unit: 'x' }, (ours, floor) => {
    const notes = [];
    if (ours.medianCpuMs && floor.medianCpuMs) notes.push(`CPU time ratio ${(ours.medianCpuMs / floor.medianCpuMs).toFixed(2)}x`);
    for (const [suffix, what] of [['w0', 'workers off'], ['wN', 'workers on']]) {
      const other = results[`${oursId}-${suffix}`];
      if (ok(other)) notes.push(`${what}: ${(other.medianMs / floor.medianMs).toFixed(2)}x`);
    }
    const pairs = pairedRatios(ours.samples, floor.samples);
    if (pairs) notes.push(`per round: median ${pairs.median.toFixed(2)}x (${pairs.min.toFixed(2)}–${pairs.max.toFixed(2)}x)`);
    return { measured: ours.medianMs / floor.medianMs, met: ours.medianMs / floor.medianMs <= 1.0, ...(notes.length ? { note: notes.join('; ') } : {}) };
  });
}

/**
 * Ours ÷ floor round by round (the floor runs right after ours in each round, bench/run.mjs), for information: the
 * verdict is the ratio of the medians. The machine's speed drifts between rounds (the floor-20k runs of one bench
 * ranged 398–539 ms), and a ratio of two runs seconds apart is less exposed to it. Undefined without samples.
 */
function pairedRatios(oursSamples, floorSamples) {
  const count = Math.min(oursSamples?.length ?? 0, floorSamples?.length ?? 0);
  if (count === 0) return undefined;
  const ratios = [];
  for (let round = 0; round < count; round++) ratios.push(oursSamples[round].wallMs / floorSamples[round].wallMs);
  ratios.sort((a, b) => a - b);
  const middle = Math.floor(count / 2);
  const median = count % 2 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
  return { median, min: ratios[0], max: ratios[count - 1] };
}

/** At least `times` faster than secretlint on the same tree; a secretlint run that timed out still gives a lower bound. */
function secretlintBudget(results, peerId, description, times) {
  const base = { id: `repo-20k-vs-${peerId.replace('-20k', '')}`, description, limit: `≥ ${times}x`, unit: 'x' };
  const ours = results['repo-20k'];
  const secretlint = results[peerId];
  if (!ok(ours) || !(ok(secretlint) || secretlint?.status === 'timeout')) {
    return { ...base, met: null, note: [why('repo-20k', results), why(peerId, results)].join('; ') };
  }
  const speedup = secretlint.medianMs / ours.medianMs;
  return {
    ...base,
    measured: speedup,
    met: speedup >= times,
    ...(secretlint.status === 'timeout' ? { note: `secretlint did not finish within ${Math.round(secretlint.medianMs / 1000)} s: a lower bound` } : {}),
  };
}
