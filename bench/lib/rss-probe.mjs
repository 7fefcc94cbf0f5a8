// Preloaded with `node --import` when GNU time is missing: as this process exits, writes its peak RSS (KiB) and CPU
// time (ms) to the file named by CALINT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.CALINT_BENCH_RSS_FILE;
delete process.env.CALINT_BENCH_RSS_FILE; // children (git) must not inherit it
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
