/**
 * What every page owes a reader and a crawler: a favicon that loads, a title that does not repeat
 * the site name, no large social card without an image, robots.txt, and — when the site URL is
 * configured (WORLDFORGE_SITE_URL; `npm test` builds with the preview origin) — a sitemap listing
 * every page and a canonical link on each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { DIST, useSite } from './harness.ts';

const { open } = useSite();
const pages = builtPages().filter((p) => p.path !== '/404.html');

const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];

describe('every page', () => {
  it('links the favicon, and the browser loads it', async () => {
    expect(pages.filter((p) => !p.html.includes('<link rel="shortcut icon" href="/favicon.svg"')).map((p) => p.path)).toEqual([]);
    const page = await open('/providers/');
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? '';
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    });
    expect(icon.status).toBe(200);
    expect(icon.type).toContain('image/svg+xml');
    expect(icon.body).toContain('<svg');
    await page.reload({ waitUntil: 'load' });
    expect(failed).toEqual([]);
    await page.close();
  });

  it('has a title that names the site once', () => {
    const titles = pages.map((p) => ({ path: p.path, title: attr(p.html, /<title>([^<]*)<\/title>/) ?? '' }));
    expect(titles.filter((t) => t.title === '' || /WorldForge \| WorldForge/.test(t.title))).toEqual([]);
    expect(titles.find((t) => t.path === '/')?.title).toBe('WorldForge');
  });

  it('announces a large social card only with an image', () => {
    const wrong = pages.filter((p) => p.html.includes('content="summary_large_image"') && !/<meta property="og:image"/.test(p.html));
    expect(wrong.map((p) => p.path)).toEqual([]);
  });
});

describe('crawlers', () => {
  it('robots.txt allows crawling', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/\n/);
  });

  it('with a site URL: every page has a canonical link and is in the sitemap', () => {
    const canonical = attr(pages[0]!.html, /<link rel="canonical" href="([^"]+)"/);
    if (!canonical) {
      // Built without WORLDFORGE_SITE_URL: no absolute URL may appear, and no sitemap either.
      expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(false);
      return;
    }
    const origin = new URL(canonical).origin;
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
    const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
    const listed = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].flatMap((m) => {
      const file = join(DIST, new URL(m[1]!).pathname);
      return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((u) => new URL(u[1]!).pathname);
    });
    expect(listed.length).toBeGreaterThan(50);
    expect(pages.map((p) => p.path).filter((path) => !listed.includes(path))).toEqual([]);
    const withoutCanonical = pages.filter((p) => attr(p.html, /<link rel="canonical" href="([^"]+)"/) !== `${origin}${p.path}`);
    expect(withoutCanonical.map((p) => p.path)).toEqual([]);
    expect(pages.filter((p) => !p.html.includes(`<meta property="og:url" content="${origin}${p.path}"`)).map((p) => p.path)).toEqual([]);
  });
});
