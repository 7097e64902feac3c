/**
 * Per-process memoization of suite runs. Galleries derive from the same suite runs as the suite
 * evidence; the suites are deterministic, so one run per subject per process is enough and keeps
 * `npm run check` well under its time budget.
 */
export function memoize<A extends string, T>(build: (key: A) => Promise<T>): (key: A) => Promise<T> {
  const cache = new Map<A, Promise<T>>();
  return (key) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = build(key);
      cache.set(key, pending);
    }
    return pending;
  };
}
