// Preloaded into each benchmarked command (`--import`): writes the process's peak RSS (KiB) to
// $WF_BENCH_RSS on exit, so the bench reports peak memory without a platform-specific timer.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.WF_BENCH_RSS) writeFileSync(process.env.WF_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
