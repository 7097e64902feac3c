// Preloaded into each benchmarked command (`--import`, inherited by the Node processes it starts,
// such as the one `npx astro build` runs): on exit each process raises the peak RSS (KiB) recorded
// in $WF_BENCH_RSS to its own, so the bench reports the peak of the largest process of a command
// without a platform-specific timer.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.WF_BENCH_RSS;
  if (!file) return;
  let recorded = 0;
  try {
    recorded = Number(readFileSync(file, 'utf8')) || 0;
  } catch {
    // First process of the command to exit.
  }
  writeFileSync(file, String(Math.max(recorded, process.resourceUsage().maxRSS)));
});
