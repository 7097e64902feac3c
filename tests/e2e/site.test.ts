/**
 * Browser tests of the site as a whole: nothing secret or host-specific reaches dist/ (pages,
 * Markdown exports, Pagefind fragments) or evidence/, and the Starlight features work offline —
 * search over the Pagefind index, the theme select, the home page's non-claims. Server and browser
 * come from ./harness.ts; the page-specific tests live in the sibling *.test.ts files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GENERATED_KIND_LIST } from '../../src/worldforge/kinds/registry.ts';
import { readCommittedEvidence } from '../../generators/run.ts';
import { ROUTES } from '../../src/worldforge/site/routes.ts';
import { DIST, ROOT, useSite } from './harness.ts';

const { open, external } = useSite();

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Text that must never reach the built site: a planted signed-URL secret and host paths. */
const FORBIDDEN_IN_DIST = ['X-Amz-Signature', '/work/', '/home/', '/tmp/'];

describe('dist/ leaks nothing', () => {
  it('no page, export or search fragment contains a planted secret or a host path', () => {
    const files = walk(DIST).filter((f) => /\.(html|md|json|pf_fragment)$/.test(f));
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      // Pagefind stores each page's text gzipped: search must not leak either.
      const text = (file.endsWith('.pf_fragment') ? gunzipSync(bytes) : bytes).toString('utf8');
      for (const needle of FORBIDDEN_IN_DIST) if (text.includes(needle)) leaks.push(`${relative(DIST, file)}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});

/** The built file a site path is served from (`/a/` → `a/index.html`, `/a.md` → `a.md`). */
const builtFile = (path: string) =>
  join(DIST, ...path.split('#')[0]!.split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));

describe('the route table matches the built site', () => {
  it('every fixed page of ROUTES is built', () => {
    const missing = Object.entries(ROUTES).filter(([, path]) => !existsSync(builtFile(path)));
    expect(missing).toEqual([]);
  });

  it('every committed document of a kind with a page is rendered on the page its kind names', () => {
    const committed = readCommittedEvidence();
    const pages = GENERATED_KIND_LIST.filter((kind) => kind.sitePage !== null).flatMap((kind) =>
      [...committed]
        .filter(([path]) => path.startsWith(`${kind.id}/`) && path.endsWith('.json'))
        .map(([path, text]) => ({ path, page: kind.sitePage!.path(JSON.parse(text)) })),
    );
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter(({ page }) => !existsSync(builtFile(page)))).toEqual([]);
  });
});

describe('planted secrets', () => {
  it('none appears in evidence/ or the built site', () => {
    const secrets: { value: string }[] = JSON.parse(
      readFileSync(join(ROOT, 'fixtures', 'redaction', 'planted-secrets.json'), 'utf8'),
    ).secrets;
    for (const dir of ['evidence', 'dist']) {
      const files = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        const text = readFileSync(join(file.parentPath, file.name), 'latin1');
        for (const secret of secrets)
          expect(text.includes(secret.value), `${join(file.parentPath, file.name)}: ${secret.value.slice(0, 4)}…`).toBe(false);
      }
    }
  });
});

describe('Starlight features', () => {
  it('search opens and finds "mock" in the Pagefind index', async () => {
    const page = await open('/');
    await expect(page.locator('site-search').count()).resolves.toBe(1);
    const button = page.locator('site-search button[data-open-modal]');
    await button.click(); // waits until the custom element enables it
    const dialog = page.locator('site-search dialog');
    await dialog.waitFor({ state: 'visible' });
    const input = page.locator('#starlight__search input');
    await input.fill('mock');
    const results = page.locator('#starlight__search .pagefind-ui__result');
    await results.first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await results.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('has a theme select that switches between dark and light', async () => {
    const page = await open('/providers/');
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('light');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
    await select.selectOption('dark');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.close();
  });

  it('the home page states what WorldForge does not claim', async () => {
    const page = await open('/');
    await expect(page.locator('main h2', { hasText: 'What WorldForge does not claim' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('made no request outside the local server', () => {
    expect(external).toEqual([]);
  });
});
