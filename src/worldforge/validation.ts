/**
 * One helper that turns zod errors into friendly, stable messages (`field: reason`), used by the
 * providers, the evidence loader, the check and the site so every surface words problems alike.
 */
import type { z } from 'zod';
import type { Issue } from './errors.ts';

/** Dotted path (`cases.3.status`), or `(root)` for the value itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** What `valueAt` returns when a path does not exist (distinct from a present `undefined`). */
export const MISSING = Symbol('missing');

/** The value at `path` inside `input` (own properties only), or MISSING when the path does not exist. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return MISSING;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const received = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, found ${describeReceived(received)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${describeReceived(received)}`;
    case 'invalid_union':
      return issue.message === 'Invalid input' ? `does not match any allowed shape (found ${describeReceived(received)})` : issue.message;
    default:
      return issue.message;
  }
}

function describeReceived(input: unknown): string {
  if (input === MISSING) return 'nothing (field missing)';
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  if (Array.isArray(input)) return 'array';
  if (input instanceof Uint8Array) return `${input.byteLength} raw bytes (not JSON)`;
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return 'object';
  return `${typeof input} ${String(input)}`;
}

/**
 * Flatten a zod error into `{path, message}` issues, in the order zod reported them. Pass the value
 * that was parsed so messages can say what was found (zod 4 omits inputs from issues by default).
 */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue, input) }));
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
