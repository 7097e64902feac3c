/**
 * Canonical JSON and content digests. Canonical = sorted keys, 2-space indent, trailing newline,
 * produced by `json-stable-stringify` so byte-identical output does not depend on key insertion
 * order. Binary values (frames) are never serialized: they are summarized by length and digest.
 */
import { createHash } from 'node:crypto';
import stableStringify from 'json-stable-stringify';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `sha256:<hex>`, the digest notation used in every evidence file. */
export function sha256Tag(data: string | Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}

/** Throws on values JSON cannot represent faithfully (NaN, ±Infinity, functions, class instances). */
function assertJsonSafe(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`${path}: non-finite number ${value} cannot be written as canonical JSON`);
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new TypeError(`${path}: ${typeof value} cannot be written as canonical JSON`);
  }
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${path}: ${proto?.constructor?.name ?? 'object'} instance cannot be written as canonical JSON`);
    }
    for (const [key, child] of Object.entries(value)) assertJsonSafe(child, `${path}.${key}`);
  }
}

/** Canonical JSON text of a plain JSON value. */
export function canonicalJson(value: unknown): string {
  assertJsonSafe(value, '(root)');
  const text = stableStringify(value, { space: 2 });
  if (text === undefined) throw new TypeError('(root): value cannot be written as JSON');
  return `${text}\n`;
}

/**
 * A JSON-safe view of a provider result: byte arrays become `{byte_length, sha256}` so raw media
 * never reaches evidence, while the digest still changes when the bytes do.
 */
export function summarizeForEvidence(value: unknown): unknown {
  if (value instanceof Uint8Array) return { byte_length: value.byteLength, sha256: sha256Tag(value) };
  if (Array.isArray(value)) return value.map(summarizeForEvidence);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeForEvidence(v)]));
  }
  return value;
}

/** Digest of a value's canonical JSON (after summarizing binary data). */
export function digestOf(value: unknown): string {
  return sha256Tag(canonicalJson(summarizeForEvidence(value)));
}
