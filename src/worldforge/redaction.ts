/**
 * Detection of values that must never reach evidence, events, manifests or pages: signed URL
 * query strings, bearer tokens, API keys and host-local paths. Detection is deliberately broad:
 * redaction fails closed, so a false positive costs a rename, a false negative leaks a secret.
 */

/** Query parameter names that carry credentials or signatures. */
const SENSITIVE_PARAM = /^(x-amz-(signature|credential|security-token)|x-goog-(signature|credential)|sig|signature|token|access_token|api[_-]?key|key|se|sp|sv|expires|policy|key-pair-id)$/i;

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
const BEARER_PATTERN = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g;
const SECRET_ASSIGNMENT = /\b([A-Za-z_-]*(?:api[_-]?key|secret|token|password|signature|credential)[A-Za-z_-]*)(\s*[=:]\s*)("?)[^\s"&,;]+\3/gi;

/**
 * Rewrites free text so it can be shown in evidence, galleries and pages: URLs lose their query,
 * fragment and userinfo (`?[redacted]` marks a removed query), bearer tokens and `key=value`
 * secrets are replaced by `[redacted]`.
 */
export function redactText(text: string): string {
  return text
    .replace(URL_PATTERN, (url) => {
      const hadQuery = /[?#]/.test(url);
      return `${stripUrl(url)}${hadQuery ? '?[redacted]' : ''}`;
    })
    .replace(BEARER_PATTERN, '$1 [redacted]')
    .replace(SECRET_ASSIGNMENT, '$1$2[redacted]');
}
