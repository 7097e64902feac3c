/**
 * What a run workspace writes passes through here first: free text through `redactText`, JSON
 * values string by string, values under secret-looking keys replaced whole. Workspaces hold what
 * a run saw (upstream messages, user prompts), so they are REWRITTEN rather than rejected; bundles
 * scan again before anything leaves the machine.
 */
import { redactText, SENSITIVE_KEY } from '../redaction.ts';

/** A JSON value with every string redacted and every value under a sensitive key replaced. */
export function sanitizeJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(sanitizeJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        const empty = child === null || child === '' || child === false || child === undefined;
        return [key, SENSITIVE_KEY.test(key) && !empty ? '[redacted]' : sanitizeJson(child)];
      }),
    );
  }
  return value;
}
