// The performance budgets of issue 7, judged from the bench results. Measured, never asserted in the test suite.
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
    budget(results, ['startup'], { id: 'startup', description: 'startup (--version), median wall', limit: '< 150 ms', unit: 'ms' }, (startup) => ({
      measured: startup.medianMs,
      met: startup.medianMs < 150,
      ...(ok(results['node-startup']) ? { note: `node -e 0 alone: ${Math.round(results['node-startup'].medianMs)} ms` } : {}),
    })),
    budget(results, ['precommit'], { id: 'precommit', description: 'precommit (--staged), median wall', limit: '< 300 ms', unit: 'ms' }, (precommit) => ({
      measured: precommit.medianMs,
      met: precommit.medianMs < 300,
    })),
    budget(results, ['repo-20k', 'floor-20k'], { id: 'repo-20k-vs-floor', description: 'repo-20k ÷ floor-20k, median wall', limit: '≤ 1.5x', unit: 'x' }, (ours, floor) => ({
      measured: ours.medianMs / floor.medianMs,
      met: ours.medianMs / floor.medianMs <= 1.5,
      ...(ours.medianCpuMs && floor.medianCpuMs ? { note: `CPU time ratio ${(ours.medianCpuMs / floor.medianCpuMs).toFixed(2)}x` } : {}),
    })),
    secretlintBudget(results, 'secretlint-20k', 'secretlint-20k ÷ repo-20k, median wall'),
    secretlintBudget(results, 'secretlint-20k-fixed', 'secretlint-20k-fixed (its profiler bug fixed) ÷ repo-20k, median wall'),
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

/** ≥ 5x faster than secretlint on the same tree; a secretlint run that timed out still gives a lower bound. */
function secretlintBudget(results, peerId, description) {
  const base = { id: `repo-20k-vs-${peerId.replace('-20k', '')}`, description, limit: '≥ 5x', unit: 'x' };
  const ours = results['repo-20k'];
  const secretlint = results[peerId];
  if (!ok(ours) || !(ok(secretlint) || secretlint?.status === 'timeout')) {
    return { ...base, met: null, note: [why('repo-20k', results), why(peerId, results)].join('; ') };
  }
  const speedup = secretlint.medianMs / ours.medianMs;
  return {
    ...base,
    measured: speedup,
    met: speedup >= 5,
    ...(secretlint.status === 'timeout' ? { note: `secretlint did not finish within ${Math.round(secretlint.medianMs / 1000)} s: a lower bound` } : {}),
  };
}
