/**
 * Opt-in phase timings for finding where a command spends its time: with WORLDFORGE_TIMINGS=1 the
 * labelled phases (check's loaders, each suite, each rule) are printed to stderr, slowest first,
 * when the process exits. Off by default, so no output or evidence ever carries a timing.
 */
const ENABLED = process.env.WORLDFORGE_TIMINGS === '1';
const totals = new Map<string, number>();

function record(label: string, started: number): void {
  const spent = performance.now() - started;
  totals.set(label, (totals.get(label) ?? 0) + spent);
  // A run that never exits (a hang, running out of memory) still shows how far it got.
  if (spent > 1000) process.stderr.write(`worldforge timings: ${label} took ${spent.toFixed(0)} ms\n`);
}

/** Runs `fn`, adding its wall time (until its promise settles) to `label` when timings are on. */
export function timed<T>(label: string, fn: () => T): T {
  if (!ENABLED) return fn();
  const started = performance.now();
  const result = fn();
  if (result instanceof Promise) return result.finally(() => record(label, started)) as T;
  record(label, started);
  return result;
}

if (ENABLED) {
  process.on('exit', () => {
    const rows = [...totals].sort((a, b) => b[1] - a[1]);
    process.stderr.write(`worldforge timings (ms, wall):\n${rows.map(([l, t]) => `${t.toFixed(1).padStart(9)}  ${l}`).join('\n')}\n`);
  });
}
