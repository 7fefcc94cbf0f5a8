// Plain-text rendering of the bench results: the scenario table, then the budgets.

const PEERS = ['secretlint', 'secretlint-fixed', 'code-analyzer'];

export function formatMs(ms) {
  if (ms === undefined) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const formatMiB = (kib) => (kib === undefined ? '' : `${Math.round(kib / 1024)} MiB`);

function ratioCell(ratio) {
  if (!ratio) return '';
  if (ratio.unavailable) return 'n/a';
  return `${ratio.atLeast ? '≥ ' : ''}${ratio.value.toFixed(ratio.value < 10 ? 2 : 1)}x`;
}

function pad(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

/**
 * One line per scenario: median wall time, its min–max, median CPU (user + system) time, peak RSS over the runs,
 * and the ratios (ours ÷ floor: lower is better; peer ÷ ours: how many times faster we are). The reasons for unavailable or timed-out scenarios follow as notes. */
export function renderTable(rows) {
  const header = ['scenario', 'runs', 'median', 'min–max', 'CPU', 'peak RSS', 'ours÷floor', ...PEERS.map((peer) => `${peer}÷ours`)];
  const notes = [];
  const lines = rows.map((row) => {
    if (row.status !== 'ok') {
      notes.push(`${row.id}: ${row.status === 'timeout' ? 'timed out' : 'unavailable'}: ${row.reason}`);
      return [row.id, '0', row.status === 'timeout' ? `> ${formatMs(row.medianMs)}` : 'unavailable', ...header.slice(3).map(() => '')];
    }
    return [
      row.id,
      String(row.runs),
      formatMs(row.medianMs),
      `${formatMs(row.minMs)}–${formatMs(row.maxMs)}`,
      formatMs(row.medianCpuMs),
      formatMiB(row.peakRssKb),
      ratioCell(row.ratios.floor),
      ...PEERS.map((peer) => ratioCell(row.ratios[peer])),
    ];
  });
  return [pad([header, ...lines]), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function renderBudgets(budgets) {
  const mark = (met) => (met === true ? 'met   ' : met === false ? 'MISSED' : 'not run');
  const value = (budget) => {
    if (budget.measured === undefined) return '';
    if (budget.unit === 'ms') return formatMs(budget.measured);
    return budget.unit === 'x' ? `${budget.measured.toFixed(2)}x` : `${budget.measured.toFixed(0)} ${budget.unit}`;
  };
  const lines = budgets.map((budget) =>
    [`${mark(budget.met)}  ${budget.description}: ${value(budget)}${budget.limit ? ` (budget ${budget.limit})` : ''}`, budget.note ? ` — ${budget.note}` : ''].join(''),
  );
  return ['budgets:', ...lines.map((line) => `  ${line}`)].join('\n');
}
