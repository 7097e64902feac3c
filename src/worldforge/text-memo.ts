/**
 * Memoized pure functions of a text: the secret scanners and the claim-reference parser are pure
 * functions of (their code, the text), and a check scans the same few hundred texts run after
 * run. `memoText` answers a repeated (function, text) pair from memory within a process, and, once
 * the check attaches a store (`attachTextMemo`), across runs from `.cache/check/texts.json`.
 *
 * The store is keyed by the digest of the code (every source, the lockfile, the Node.js version:
 * `codeKey` in check-cache.ts), so an edited scanner or an upgraded dependency starts from an
 * empty store, and each entry by the text's sha256, so an edited text is never answered from an
 * older result. The store is sealed like the suite cache (sealed-file.ts). Entries of texts no longer seen are dropped when the store outgrows its bound. Like the suite cache it is never
 * attached in release mode or CI.
 */
import { createHash } from 'node:crypto';
import { readSealed, writeSealed } from './sealed-file.ts';

/** Bumped when the stored shape changes. */
const FORMAT = 1;
/** Entries past which the store keeps only the last run's. */
const MAX_STORED = 20_000;
/** The store's file, relative to the checkout (git-ignored). */
export const TEXT_MEMO_FILE = '.cache/check/texts.json';

type Entries = Map<string, unknown>;

/** In-process results by function, then by text (texts are compared as strings, never by digest). */
const inProcess = new Map<string, Map<string, unknown>>();
/** Results read from, and written back to, the attached store: `<function>\0<sha256 of text>`. */
let attached: { root: string; codeKey: string; loaded: Entries; used: Entries } | null = null;

const entryKey = (fn: string, text: string) => `${fn}\0${createHash('sha256').update(text).digest('hex')}`;

/** What is known of (fn, text); `key` is its store entry (hashed once per call, only with a store attached). */
function recall(fn: string, text: string): { hit: boolean; value?: unknown; key: string | null } {
  const key = attached ? entryKey(fn, text) : null;
  const results = inProcess.get(fn);
  if (results?.has(text)) return { hit: true, value: results.get(text), key };
  if (key !== null && attached?.loaded.has(key)) return { hit: true, value: attached.loaded.get(key), key };
  return { hit: false, key };
}

function remember(fn: string, text: string, key: string | null, value: unknown): void {
  let results = inProcess.get(fn);
  if (!results) {
    results = new Map();
    inProcess.set(fn, results);
  }
  // Bounded for long-lived processes (the in-process test helper).
  if (results.size > 4096) results.clear();
  results.set(text, value);
  if (key !== null) attached?.used.set(key, value);
}

/** `compute(text)`, answered from memory when function `fn` already ran on this text. */
export function memoText<T>(fn: string, text: string, compute: (text: string) => T): T {
  const found = recall(fn, text);
  const value = found.hit ? (found.value as T) : compute(text);
  remember(fn, text, found.key, value);
  return value;
}

/** Whether (fn, text) is answered without computing (this process, or the attached store). */
export const knownText = (fn: string, text: string): boolean => recall(fn, text).hit;

/**
 * Records `value` as `fn`'s result for `text`, computed elsewhere by the same function: the
 * text-scan worker (text-scan/pool.ts). The next `memoText(fn, text, …)` answers with it.
 */
export function seedText(fn: string, text: string, value: unknown): void {
  const found = recall(fn, text);
  if (!found.hit) remember(fn, text, found.key, value);
}

/** `memoText` for an asynchronous function (secretlint). */
export async function memoTextAsync<T>(fn: string, text: string, compute: (text: string) => Promise<T>): Promise<T> {
  const found = recall(fn, text);
  const value = found.hit ? (found.value as T) : await compute(text);
  remember(fn, text, found.key, value);
  return value;
}

/** Reads the store of `root` for code `codeKey` (an unreadable or older store is an empty one). */
export function attachTextMemo(root: string, codeKey: string): void {
  let loaded: Entries = new Map();
  try {
    const stored = JSON.parse(readSealed(root, TEXT_MEMO_FILE) ?? 'null') as {
      format?: number;
      codeKey?: string;
      entries?: [string, unknown][];
    };
    if (stored && stored.format === FORMAT && stored.codeKey === codeKey && Array.isArray(stored.entries)) loaded = new Map(stored.entries);
  } catch {
    // No store yet.
  }
  attached = { root, codeKey, loaded, used: new Map() };
}

/** Writes the entries this run used back to the store and detaches it. */
export function saveTextMemo(): void {
  if (!attached) return;
  const { root, codeKey, loaded, used } = attached;
  attached = null;
  // The build's two passes scan different texts (sources, then dist/): each keeps the other's
  // entries, up to a bound past which only this run's are kept.
  const kept = loaded.size + used.size > MAX_STORED ? used : new Map([...loaded, ...used]);
  // A store that cannot be written only makes the next run slower.
  writeSealed(root, TEXT_MEMO_FILE, JSON.stringify({ format: FORMAT, codeKey, entries: [...kept] }));
}
