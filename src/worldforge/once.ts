/**
 * Caches the result of a zero-argument factory. Schema factories build a fresh zod schema per call
 * (so callers can extend them safely); hot paths that only parse use one shared instance instead,
 * because building a zod 4 schema costs far more than using it.
 */
export function once<T>(factory: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = factory();
      built = true;
    }
    return value as T;
  };
}
