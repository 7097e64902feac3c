/**
 * robots.txt: everything may be crawled; the sitemap is named when the site URL is configured
 * (WORLDFORGE_SITE_URL, see src/worldforge/site/site-url.ts), since a Sitemap line must be absolute.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
