/**
 * The gate for JSON artifacts that are REJECTED rather than rewritten: run manifests, live-smoke
 * entries, evidence before it is written.
 */
import type { z } from 'zod';
import { findSecrets } from './scanner.ts';
import { isUrlWithExtras } from './urls.ts';

/** Object keys whose values are secrets whatever they hold. */
export const SENSITIVE_KEY =
  /(api[_-]?key|api[_-]?secret|authorization|bearer|credential|password|passphrase|private[_-]?key|access[_-]?key|secret|signature|signed[_-]?url|token|cookie)/i;

/**
 * Strings no detector can flag: shorter than the shortest secret any detector matches (a Slack
 * token, `xoxb-` and ten characters, is 15) and made only of letters, digits, space, `_`, `.` and
 * `-` (no URL, path, query, assignment or encoding marker). Most strings of an evidence document
 * (ids, statuses, names) are such strings, so the walk skips the detectors for them; a property
 * test (tests/unit/redaction-fast-path.test.ts) holds every detector to this.
 */
const PLAIN_SHORT = /^[A-Za-z0-9 _.-]{0,13}$/;
export const cannotHoldSecret = (value: string): boolean => PLAIN_SHORT.test(value);

/** One unsafe value inside a JSON document: where it is and why it is refused. */
export interface UnsafeValue {
  /** Dotted path (`artifacts.0.path`), `(root)` for the value itself. */
  path: string;
  reason: string;
}

/**
 * Every unsafe value in a JSON document: a non-empty value under a sensitive key, any string
 * `findSecrets` flags (in keys too), and any URL carrying a query, fragment or userinfo.
 * `allowKeys` exempts keys whose values are known to be names, not secrets (e.g. env var names).
 */
export function unsafeValues(value: unknown, options: { allowKeys?: readonly string[] } = {}, path: string[] = []): UnsafeValue[] {
  const here = path.length ? path.join('.') : '(root)';
  if (typeof value === 'string') {
    if (cannotHoldSecret(value)) return [];
    const hits = findSecrets(value);
    if (hits.length) return [{ path: here, reason: `contains ${[...new Set(hits.map((h) => h.kind))].join(', ')}` }];
    if (isUrlWithExtras(value)) return [{ path: here, reason: 'URL carries a query, fragment or userinfo' }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeValues(item, options, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const keyed = [...path, key];
      if (SENSITIVE_KEY.test(key) && !options.allowKeys?.includes(key) && child !== null && child !== '' && child !== false) {
        return [{ path: keyed.join('.'), reason: `sensitive key '${key}' must not carry a value` }];
      }
      if (!cannotHoldSecret(key) && findSecrets(key).length)
        return [{ path: [...path, '(key)'].join('.'), reason: 'a key holds a secret' }];
      return unsafeValues(child, options, keyed);
    });
  }
  return [];
}

/**
 * How a schema rejects a JSON artifact with unsafe values: one issue per value, at its path
 * (`(root)` is the artifact itself), saying why; `note` is appended to each message.
 */
export function refuseUnsafeValues(value: unknown, ctx: z.RefinementCtx, note = ''): void {
  for (const unsafe of unsafeValues(value)) {
    ctx.addIssue({ code: 'custom', path: unsafe.path.split('.'), message: `unsafe value rejected (${unsafe.reason})${note}` });
  }
}
