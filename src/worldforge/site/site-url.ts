/**
 * Where the site is published: the ONE place that reads it. `WORLDFORGE_SITE_URL` (for example
 * `https://example.github.io/worldforge/`) is the deployed origin plus base path. The Astro config
 * passes it as `site` (sitemap, canonical links, `og:url`), and the check's reporters use it to turn
 * rule pages into absolute links in job summaries, annotations and SARIF. Unset means "not
 * published yet": links stay root-relative. Pure: no Astro, no file system.
 */

/** The environment variable that configures the published site URL. */
export const SITE_URL_ENV = 'WORLDFORGE_SITE_URL';

/** A site URL that cannot be used (not http(s), or carrying a query, fragment or credentials). */
export class SiteUrlError extends Error {
  constructor(value: string, reason: string) {
    super(
      `${SITE_URL_ENV}=${JSON.stringify(value.slice(0, 120))} is not usable: ${reason}. Set it to the published origin and base path, e.g. https://example.github.io/worldforge/`,
    );
    this.name = 'SiteUrlError';
  }
}

/**
 * The published site URL with a trailing slash, or null when none is configured (blank counts as
 * unset). Throws `SiteUrlError` for a value that is not a plain http(s) URL.
 */
export function siteUrl(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const value = env[SITE_URL_ENV]?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteUrlError(value, 'it is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError(value, `scheme ${url.protocol} is not http(s)`);
  if (url.search || url.hash || url.username || url.password) throw new SiteUrlError(value, 'it carries a query, fragment or credentials');
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

/**
 * A site path (`/rules/evidence-drift/`) as a link: absolute under `site` when one is configured,
 * else the root-relative path unchanged. The site's base path is kept (`…/worldforge/rules/…`).
 */
export function siteLink(path: string, site: string | null = siteUrl()): string {
  return site ? new URL(path.replace(/^\/+/, ''), site).href : path;
}
