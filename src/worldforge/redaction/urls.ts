/**
 * URL facts the redaction module needs: whether a URL carries a signature or credential, and the
 * URL without query, fragment and userinfo. Detection uses string and regex scans only (a cheap
 * pre-filter before `new URL`), so a megabyte of adversarial text never reaches the URL parser.
 */

/**
 * Query (or fragment) parameter names that carry credentials or signatures: AWS SigV4, Google
 * signed URLs, Azure SAS (`sig`, `se`, `sp`, `sv`), CloudFront (`policy`, `key-pair-id`), OAuth
 * (`access_token`, `#id_token=`), and the generic `token`, `key`, `auth`, `password`.
 */
export const SENSITIVE_PARAM =
  /^(x-amz-(signature|credential|security-token)|x-goog-(signature|credential)|sig|signature|token|access_token|id_token|refresh_token|auth|auth_token|api[_-]?key|apikey|key|client_secret|password|passwd|secret|se|sp|sv|expires|policy|key-pair-id|jwt|session|sessionid)$/i;

/** `name=` of a sensitive parameter after `?`, `&`, `&amp;`, `;` or `#`; the value must be non-empty. */
const SENSITIVE_PARAM_IN_URL =
  /[?&#;](?:amp;)?(x-amz-(?:signature|credential|security-token)|x-goog-(?:signature|credential)|sig|signature|token|access_token|id_token|refresh_token|auth|auth_token|api[_-]?key|apikey|key|client_secret|password|passwd|secret|se|sp|sv|expires|policy|key-pair-id|jwt|session|sessionid)=(?=[^\s&#;"'<>`])/i;

/** `scheme://` followed by an authority that holds an `@`: userinfo. The authority scan is bounded. */
const USERINFO = /[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s/?#@"'<>`]{1,256}@/;

/** Incoming-webhook URLs whose path is the secret. */
const WEBHOOK_PATH = /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]|discord(?:app)?\.com\/api\/webhooks\/\d/i;

/** True when a URL-like string carries a sensitive parameter in its query or fragment. */
export function carriesSensitiveParam(url: string): boolean {
  return (url.includes('?') || url.includes('#') || url.includes(';')) && SENSITIVE_PARAM_IN_URL.test(url);
}

/** True when a URL-like string carries `user[:password]@` in an authority. */
export function carriesUserInfo(url: string): boolean {
  return url.includes('@') && USERINFO.test(url);
}

/** True when the URL's path itself is a credential (Slack and Discord incoming webhooks). */
export function isWebhookUrl(url: string): boolean {
  return WEBHOOK_PATH.test(url);
}

/** True when `value` is an http(s) URL whose query carries a signature, token or key. */
export function hasSignedQuery(value: string): boolean {
  // Pre-filter: only a URL that names a sensitive parameter (or percent-encodes one) is parsed.
  if (!/^\s*https?:\/\//i.test(value) || !(carriesSensitiveParam(value) || value.includes('%'))) return false;
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
  if (!value.includes('@')) return false;
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/** Strips query, fragment and userinfo from an http(s) URL; other strings are returned unchanged. */
export function stripUrl(value: string): string {
  if (!/^https?:/i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return value;
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return value;
  }
}

/**
 * `scheme://authority/path` of a URL-like string without parsing it: everything from the first
 * `?` or `#` is dropped and so is userinfo. Used for display text, where a URL that `new URL`
 * rejects must still lose its query.
 */
export function stripUrlText(url: string): string {
  if (URL.canParse(url) && /^https?:/i.test(url)) return stripUrl(url);
  const base = url.split(/[?#]/, 1)[0] ?? '';
  const scheme = base.indexOf('://');
  if (scheme < 0) return base;
  const authorityEnd = base.indexOf('/', scheme + 3);
  const authority = base.slice(scheme + 3, authorityEnd < 0 ? undefined : authorityEnd);
  const at = authority.lastIndexOf('@');
  return at < 0 ? base : `${base.slice(0, scheme + 3)}${authority.slice(at + 1)}${authorityEnd < 0 ? '' : base.slice(authorityEnd)}`;
}

/** True when `value` is an http(s) URL carrying a query, fragment or userinfo. */
export function isUrlWithExtras(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || !/[?#@]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/** The patterns above, for the structural linear-time test. */
export const URL_PATTERNS: readonly RegExp[] = [SENSITIVE_PARAM_IN_URL, USERINFO, WEBHOOK_PATH];
