/**
 * The public URL the site is deployed at, from `WORLDFORGE_SITE_URL` (e.g.
 * `https://docs.example.org/`). Astro's `site` is set from it, which turns on the sitemap,
 * canonical links, `og:url` and the robots.txt `Sitemap:` line; without it the site still builds,
 * with relative links only. Read from the environment so a fork or a preview deploy needs no edit.
 */
export function siteUrl(): string | undefined {
  const value = process.env.WORLDFORGE_SITE_URL?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`WORLDFORGE_SITE_URL: '${value}' is not an absolute URL (hint: https://docs.example.org/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`WORLDFORGE_SITE_URL: '${value}' must be an http(s) URL`);
  }
  return url.href;
}
