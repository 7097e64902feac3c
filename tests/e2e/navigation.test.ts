/**
 * Navigation: every page is in a sidebar group (so Starlight highlights it and fills prev/next),
 * long pages have a table of contents, and digest tables are folded and kept out of the search
 * index (Pagefind's fragments hold no sha256 digest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { DIST, useSite } from './harness.ts';

const { open } = useSite();
const pages = builtPages().filter((p) => p.path !== '/404.html');
const sidebarOf = (html: string) => /<nav[^>]*aria-label="Main"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';

describe('sidebar', () => {
  it('every page is in a sidebar group and marked current there', () => {
    expect(pages.length).toBeGreaterThan(50);
    const orphans = pages.filter((p) => !new RegExp(`<a href="${p.path}"[^>]*aria-current="page"`).test(sidebarOf(p.html)));
    expect(orphans.map((p) => p.path)).toEqual([]);
  });

  it('every page but the first and last has previous and next links', () => {
    const withoutPagination = pages.filter((p) => !/rel="prev"/.test(p.html) && !/rel="next"/.test(p.html));
    expect(withoutPagination.map((p) => p.path)).toEqual([]);
  });

  it('the sidebar opens the group of the current page', async () => {
    const page = await open('/rules/claim-ref-failed/');
    const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
    await expect(current.count()).resolves.toBe(1);
    await expect(current.isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('table of contents', () => {
  it('long pages have one listing their sections', async () => {
    for (const path of ['/claims/', '/providers/runway/', '/galleries/conformance/', '/evaluation/physics/']) {
      const page = await open(path);
      const entries = await page.locator('starlight-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(entries.length, path).toBeGreaterThanOrEqual(3);
      await page.close();
    }
    const runway = pages.find((p) => p.path === '/providers/runway/')!.html;
    expect(runway).toMatch(/<starlight-toc[\s\S]*href="#failure-modes"/);
  });
});

describe('digest tables', () => {
  it('are folded and out of the search index', async () => {
    const page = await open('/providers/mock/');
    const fold = page.locator('details[data-pagefind-ignore]:has(table[data-section="inputs"])');
    await expect(fold.count()).resolves.toBe(1);
    await expect(fold.getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('table[data-section="inputs"]').isVisible()).resolves.toBe(false);
    await page.close();

    const dir = join(DIST, 'pagefind', 'fragment');
    const fragments = readdirSync(dir).filter((f) => f.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(50);
    const withDigests = fragments.filter((f) => /\b[0-9a-f]{64}\b/.test(gunzipSync(readFileSync(join(dir, f))).toString('utf8')));
    expect(withDigests).toEqual([]);
  });
});
