/**
 * Rewriting text for display: what the scanner finds is replaced, and every http(s) URL loses its
 * query, fragment and userinfo. The result always scans clean and is a fixed point.
 */
import { redactUrl, URL_TOKEN } from './detectors.ts';
import { secretSpans } from './scanner.ts';

interface Rewrite {
  start: number;
  end: number;
  text: string;
}

function rewrites(text: string): Rewrite[] {
  const found: Rewrite[] = secretSpans(text).map((s) => ({
    start: s.valueStart,
    end: s.redactEnd ?? s.end,
    text: s.replacement,
  }));
  if (text.includes('://')) {
    for (const m of text.matchAll(URL_TOKEN)) {
      if (/^https?:/i.test(m[0]) && /[?#@]/.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length, text: redactUrl(m[0]) });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function redactOnce(text: string): string {
  let out = '';
  let at = 0;
  // Overlapping rewrites are left to the next pass, which scans the rewritten text again.
  for (const r of rewrites(text)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * Rewrites free text so it can be shown in evidence, galleries and pages: URLs lose their query,
 * fragment and userinfo (`?[redacted]` marks a removed query), tokens, keys and `key=value`
 * secrets become `[redacted]`, host-local paths become `[host-path]`, and an encoded token that
 * decodes to a secret is replaced whole.
 *
 * One pass can create a new match out of adjacent fragments, so passes repeat until nothing
 * changes. If that does not settle quickly, or the result still scans unsafe, the whole text
 * becomes `[redacted]`: fail closed. The result is therefore always clean and a fixed point.
 */
export function redactText(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = redactOnce(current);
    if (next === current) return secretSpans(current).length === 0 ? current : '[redacted]';
    current = next;
  }
  return '[redacted]';
}

/** Default cap on untrusted upstream text: long enough for an error message, short enough for a log line. */
export const UPSTREAM_TEXT_MAX = 500;

/**
 * Makes a string that came from a provider — a task id, a content-type header, an error body —
 * safe to put into an error, event or manifest: control characters become spaces, secrets are
 * redacted (`redactText`), and the result is capped at `max` characters (default 500) with an
 * ellipsis and the upstream length. Upstream text is untrusted: it may echo a signed URL, the
 * caller's key or megabytes of HTML.
 */
export function redactUpstreamText(text: string, options: { max?: number } = {}): string {
  const max = Math.max(1, options.max ?? UPSTREAM_TEXT_MAX);
  // Cap before redacting too, so adversarial megabytes cost nothing; the slack keeps a secret that
  // straddles the cap detectable, and the final cut happens on redacted text.
  const window = text.length > max * 2 + 256 ? text.slice(0, max * 2 + 256) : text;
  const clean = redactText(window.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' '));
  if (clean.length <= max && window.length === text.length) return clean;
  const kept = clean.slice(0, max);
  return `${kept}… [truncated, ${text.length} characters upstream]`;
}
