/**
 * BASELINE for `npm run bench:redaction` only: the redaction module as it was before issue 10 (a
 * verbatim copy of src/worldforge/redaction.ts at af12935), kept so the benchmark can show the
 * old and new scanners side by side (and the adversarial corpus test its detection count).
 * Nothing else may import it.
 */
/**
 * The ONE redaction module. It detects values that must never reach evidence, events, run
 * manifests, galleries or pages — signed URL query strings, credentials in URLs, bearer tokens, API
 * keys, secret assignments and host-local paths — and rewrites free text that is meant to be
 * shown. Detection is deliberately broad: redaction fails closed, so a false positive costs a
 * rename, a false negative leaks a secret. Manifests and registries use `unsafeValues` and are
 * rejected rather than rewritten; only display text goes through `redactText`.
 */

/** Query parameter names that carry credentials or signatures. */
const SENSITIVE_PARAM =
  /^(x-amz-(signature|credential|security-token)|x-goog-(signature|credential)|sig|signature|token|access_token|api[_-]?key|key|se|sp|sv|expires|policy|key-pair-id)$/i;

/** Object keys whose values are secrets whatever they hold. */
export const SENSITIVE_KEY = /(api[_-]?key|api[_-]?secret|authorization|bearer|credential|password|secret|signature|signed[_-]?url|token)/i;

/** True when `value` is an http(s) URL whose query carries a signature, token or key. */
export function hasSignedQuery(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return [...url.searchParams.keys()].some((key) => SENSITIVE_PARAM.test(key));
}

/** True when `value` carries userinfo (`https://user:pass@host`). */
export function hasUserInfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/** Strips query, fragment and userinfo from an http(s) URL; other strings are returned unchanged. */
export function stripUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return value;
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return value;
  }
}

const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>`]+/gi;
/** A bearer token: at least 8 token characters (so `Bearer [redacted]` never matches). */
const BEARER_PATTERN = /\b(Bearer)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/g;
// The value must be at least 6 characters: `safety_secret_risk: 1` or `token: x` cannot carry a
// credential, while every real key, token or password format is longer.
const SECRET_ASSIGNMENT =
  /\b([A-Za-z_-]*(?:api[_-]?key|secret|token|password|signature|credential)[A-Za-z_-]*)("?\s*[=:]\s*)("?)(?!\[redacted\])([^\s"&,;}\]]{6,})\3/gi;
/** Key formats of the providers WorldForge talks to, and of common hosts. */
const KEY_PATTERN =
  /\b(?:key_[A-Za-z0-9]{32,}|nvapi-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16})\b/g;
/**
 * Host-local paths: home folders on macOS and Linux, temp folders, `~/`, Windows drive paths and
 * `file://` URLs. The look-behind keeps URL paths (`https://host/home/…`) and relative paths
 * (`docs/tmp/…`) out: only a path that starts a token counts.
 */
const HOST_PATH_PATTERN = /(?<![\w.~/\\-])(?:\/(?:Users|home|tmp|private|var\/folders)\/|~\/|[A-Za-z]:\\|file:\/\/)[^\s"'<>`,;)]*/g;

/** Kinds of unsafe content, as reported by `findSecrets` and the `secret-scan` check rule. */
export type SecretKind = 'signed-url' | 'url-userinfo' | 'bearer-token' | 'api-key' | 'secret-assignment' | 'host-path';

export interface SecretHit {
  kind: SecretKind;
  /** Offset of the match in the scanned text. */
  index: number;
  /** A masked preview (first four characters) that is itself safe to print. */
  preview: string;
}

const mask = (text: string) => `${text.slice(0, 4)}…`;

/** Every unsafe span in `text`, in order of position. Safe to call on any file's contents. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const add = (kind: SecretKind, index: number, match: string) => hits.push({ kind, index, preview: mask(match) });
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].replace(/[.)\]]+$/, '');
    if (hasUserInfo(url)) add('url-userinfo', m.index, url);
    else if (hasSignedQuery(url)) add('signed-url', m.index, url);
  }
  for (const m of text.matchAll(BEARER_PATTERN)) add('bearer-token', m.index, m[0]);
  for (const m of text.matchAll(KEY_PATTERN)) add('api-key', m.index, m[0]);
  for (const m of text.matchAll(SECRET_ASSIGNMENT)) add('secret-assignment', m.index, m[0]);
  for (const m of text.matchAll(HOST_PATH_PATTERN)) add('host-path', m.index, m[0]);
  return hits.sort((a, b) => a.index - b.index);
}

/** True when `text` holds a host-local path. */
export function hasHostPath(text: string): boolean {
  return new RegExp(HOST_PATH_PATTERN.source).test(text);
}

function redactOnce(text: string): string {
  return text
    .replace(URL_PATTERN, (url) => {
      const hadQuery = /[?#]/.test(url);
      // An unparseable URL still loses everything after its first ? or #, so the rewrite is idempotent.
      const base = URL.canParse(url) ? stripUrl(url) : url.split(/[?#]/)[0]!;
      return `${base}${hadQuery ? '?[redacted]' : ''}`;
    })
    .replace(BEARER_PATTERN, '$1 [redacted]')
    .replace(KEY_PATTERN, '[redacted]')
    .replace(SECRET_ASSIGNMENT, '$1$2$3[redacted]$3')
    .replace(HOST_PATH_PATTERN, '[host-path]');
}

/**
 * Rewrites free text so it can be shown in evidence, galleries and pages: URLs lose their query,
 * fragment and userinfo (`?[redacted]` marks a removed query), bearer tokens, known key formats
 * and `key=value` secrets become `[redacted]`, host-local paths become `[host-path]`.
 *
 * One pass can create a new match out of adjacent fragments, so passes repeat until nothing
 * changes. If that does not settle quickly, or the result still scans unsafe, the whole text
 * becomes `[redacted]`: fail closed. The result is therefore always clean and a fixed point.
 */
export function redactText(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = redactOnce(current);
    if (next === current) return findSecrets(current).length === 0 ? current : '[redacted]';
    current = next;
  }
  return '[redacted]';
}

/** One unsafe value inside a JSON document: where it is and why it is refused. */
export interface UnsafeValue {
  /** Dotted path (`artifacts.0.path`), `(root)` for the value itself. */
  path: string;
  reason: string;
}

const isUrlWithExtras = (value: string) => {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    );
  } catch {
    return false;
  }
};

/**
 * Every unsafe value in a JSON document, for artifacts that are REJECTED rather than rewritten
 * (run manifests, live-smoke entries, evidence before it is written): a non-empty value under a
 * sensitive key, any string `findSecrets` flags, and any URL carrying a query, fragment or userinfo.
 * `allowKeys` exempts keys whose values are known to be names, not secrets (e.g. env var names).
 */
export function unsafeValues(value: unknown, options: { allowKeys?: readonly string[] } = {}, path: string[] = []): UnsafeValue[] {
  const here = path.length ? path.join('.') : '(root)';
  if (typeof value === 'string') {
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
      return unsafeValues(child, options, keyed);
    });
  }
  return [];
}
