/**
 * Rules for references inside a scene artifact (asset and media `uri`s, metadata strings). The
 * artifact may be published with evidence, so a reference must be portable and carry nothing
 * private: a relative path or a plain https URL to a public host. Host-local paths are allowed
 * only on entries the author marked `local_only`, which never leave the host.
 */
import { hasSignedQuery, hasUserInfo } from '../redaction.ts';
import type { SceneErrorCode } from './codes.ts';

export interface ReferenceProblem {
  code: Extract<SceneErrorCode, 'unsafe_uri' | 'host_local_path'>;
  message: string;
}

/**
 * Absolute POSIX paths (including /home and /tmp, which redaction elsewhere may not treat as
 * host-local), home-relative paths, Windows drive and UNC paths, and file: URLs.
 */
export function isHostLocalPath(value: string): boolean {
  const posixAbsolute = value.startsWith('/') && !value.startsWith('//');
  return posixAbsolute || /^~(?:[\\/]|$)/.test(value) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\') || /^file:/i.test(value);
}

const PRIVATE_V4 = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^169\.254\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^0\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
];

/** Loopback, private, link-local and local-only host names (no DNS: names are judged as written). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return PRIVATE_V4.some((re) => re.test(host));
  if (host.includes(':'))
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

/** The problem with `uri`, or null when it is a safe reference. */
export function checkReference(uri: string, options: { localOnly: boolean }): ReferenceProblem | null {
  if (isHostLocalPath(uri)) {
    return options.localOnly
      ? null
      : {
          code: 'host_local_path',
          message:
            'an absolute host path (not echoed: it may name a user or machine); mark the entry local_only: true or use a relative path or https URL',
        };
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) || uri.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(uri.startsWith('//') ? `https:${uri}` : uri);
    } catch {
      return { code: 'unsafe_uri', message: 'not a parseable URL' };
    }
    if (url.protocol !== 'https:')
      return { code: 'unsafe_uri', message: `${url.protocol} URLs are not allowed; use https or a relative path` };
    if (hasUserInfo(uri)) return { code: 'unsafe_uri', message: 'the URL carries userinfo (credentials)' };
    if (hasSignedQuery(uri))
      return {
        code: 'unsafe_uri',
        message: 'the URL carries a signed query (a credential that expires); store the asset by digest instead',
      };
    if (url.search || url.hash || uri.includes('?') || uri.includes('#'))
      return { code: 'unsafe_uri', message: 'the URL has a query or fragment; references must be plain https paths' };
    if (isPrivateHost(url.hostname)) return { code: 'unsafe_uri', message: `${url.hostname} is a loopback, private or link-local host` };
    return null;
  }
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return { code: 'unsafe_uri', message: 'the path has a malformed percent-encoding' };
  }
  if (decoded.includes('\\') || /[\u0000-\u001f]/.test(decoded))
    return { code: 'unsafe_uri', message: 'the path contains a backslash or control character' };
  if (decoded.split('/').includes('..')) return { code: 'unsafe_uri', message: 'the relative path escapes its folder with ..' };
  if (decoded === '' || decoded.endsWith('/')) return { code: 'unsafe_uri', message: 'the relative path names no file' };
  return null;
}
