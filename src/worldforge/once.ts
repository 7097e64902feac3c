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

/**
 * Caches a function of one object per object identity: several check rules read the same slice
 * (the `content` map) through the same parse, which then runs once per loaded slice. A new or
 * changed slice is a new object, so it is never answered from an older parse.
 */
export function oncePer<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
