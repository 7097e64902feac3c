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

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, found ${describeReceived(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${describeReceived(issue.input)}`;
    default:
      return issue.message;
  }
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing (field missing)';
  if (input === null) return 'null';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return 'object';
  return `${typeof input} ${String(input)}`;
}

/** Flatten a zod error into `{path, message}` issues, in the order zod reported them. */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) }));
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
