/**
 * The catalog answers "who can do X, what backs it, how fresh": capability cells link to their
 * conformance cases and the claims citing them, a column says how the evidence was obtained, claim
 * refs deep-link to the case (`conformance/cosmos#generate` lands on the case, not the page top),
 * exchanges refs are links, gallery links never wear a file name, and remote providers' pages state
 * their runtime manifest.
 */
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { loadClaims } from '../../src/worldforge/claims/load.ts';
import { parseRef } from '../../src/worldforge/claims/refs.ts';
import { CATALOG, PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { builtPages } from './dist.ts';
import { ROOT, readEvidence, useSite } from './harness.ts';

const { open } = useSite();
type Page = Awaited<ReturnType<typeof open>>;

/** The element the URL's fragment names is on the page and scrolled into view. */
async function landsOnTarget(page: Page) {
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return { id, found: false, inView: false };
    const box = el.getBoundingClientRect();
    return { id, found: true, inView: box.top >= -1 && box.top < window.innerHeight };
  });
}

describe('catalog cells', () => {
  it('every capability cell links to its cases on the provider page, and the link lands there', async () => {
    const page = await open('/providers/');
    const cells = await page.locator('table[data-catalog] td[data-capability]').evaluateAll((tds) =>
      tds.map((td) => ({
        provider: td.closest('tr')!.getAttribute('data-provider')!,
        capability: td.getAttribute('data-capability')!,
        href: td.querySelector('a[data-case-link]')?.getAttribute('href') ?? null,
        claims: [...td.querySelectorAll('a[data-claim]')].map((a) => a.getAttribute('data-claim')),
      })),
    );
    expect(cells.length).toBe(PROVIDER_NAMES.length * CAPABILITIES.length);
    for (const cell of cells) {
      const hasCases = readEvidence(cell.provider).body.cases.some((c) => c.capability === cell.capability);
      expect(cell.href, `${cell.provider} ${cell.capability}`).toBe(`/providers/${cell.provider}/#${hasCases ? cell.capability : 'cases'}`);
    }
    // Claims citing a capability's cases are linked from its cell.
    const claims = loadClaims(ROOT).claims.map((c) => c.value);
    const mockGenerate = cells.find((c) => c.provider === 'mock' && c.capability === 'generate')!;
    const citing = claims.filter((c) =>
      c.evidence.some((r) => r === 'conformance/mock#generate' || r.startsWith('conformance/mock#generate/')),
    );
    expect(mockGenerate.claims.sort()).toEqual(citing.map((c) => c.id).sort());
    expect(mockGenerate.claims.length).toBeGreaterThan(0);

    await page.locator('tr[data-provider="cosmos"] td[data-capability="generate"] a[data-case-link]').click();
    await page.waitForURL('**/providers/cosmos/#generate');
    await expect(landsOnTarget(page)).resolves.toEqual({ id: 'generate', found: true, inView: true });
    await page.close();
  });

  it('says how each provider’s evidence was obtained: checkout, recorded replay, live smoke with its date', async () => {
    const page = await open('/providers/');
    for (const name of PROVIDER_NAMES) {
      const methods = await page
        .locator(`tr[data-provider="${name}"] [data-field="methods"] li`)
        .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-method'), li.textContent ?? '']));
      expect(methods[0]?.[0], name).toBe('checkout');
      const remote = CATALOG[name]?.runtime !== undefined && CATALOG[name]?.runtime !== null;
      // Only providers with recorded upstream exchanges have a replay; bridge providers
      // (a runtime manifest, no exchanges) must not show one.
      expect(
        methods.some(([m]) => m === 'recorded-replay'),
        name,
      ).toBe(CATALOG[name]?.replay === true);
      for (const [method, text] of methods) if (method === 'live-smoke') expect(text).toMatch(/\(\d{4}-\d{2}-\d{2}\)$/);
      if (remote)
        expect(
          methods.some(([m]) => m === 'live-smoke'),
          name,
        ).toBe(true);
    }
    await page.close();
  });
});

describe('claim refs deep-link', () => {
  it('conformance/cosmos#generate opens the cosmos page at its generate cases', async () => {
    const page = await open('/claims/');
    const href = await page.locator('li[data-ref="conformance/cosmos#generate"] a').first().getAttribute('href');
    expect(href).toBe('/providers/cosmos/#generate');
    const target = await open(href!);
    await expect(landsOnTarget(target)).resolves.toEqual({ id: 'generate', found: true, inView: true });
    await expect(target.locator('tbody#generate tr[data-case]').count()).resolves.toBeGreaterThan(0);
    await target.close();
    await page.close();
  });

  it('every cited ref with a fragment lands on an element of its page; exchanges refs are links', async () => {
    const claims = loadClaims(ROOT).claims.map((c) => c.value);
    const page = await open('/claims/');
    const refs = await page
      .locator('li[data-ref]')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-ref')!, li.querySelector('a')?.getAttribute('href') ?? null]));
    const exchanges = refs.filter(([ref]) => parseRef(ref!).kind === 'exchanges');
    expect(exchanges.length).toBeGreaterThan(0);
    for (const [ref, href] of exchanges) expect(href, ref!).toBe(`/providers/${parseRef(ref!).subject}/#failure-modes`);
    // Each fragment names an element of its page (read from dist/; the link gate checks every link).
    const html = new Map(builtPages().map((p) => [p.path, p.html]));
    const withFragment = [...new Set(refs.filter(([, href]) => href?.includes('#')).map(([, href]) => href!))];
    expect(withFragment.length).toBeGreaterThan(5);
    const dangling = withFragment.filter((href) => {
      const [path, fragment] = href.split('#') as [string, string];
      return !html.get(path)?.includes(`id="${decodeURIComponent(fragment)}"`);
    });
    expect(dangling).toEqual([]);
    expect(claims.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('gallery links', () => {
  it('no link is labelled with an evidence file name: the file is shown as code, the link says where it goes', () => {
    const labelledAsFile = builtPages().flatMap((p) =>
      [...p.html.matchAll(/<a\b[^>]*>\s*(?:<code[^>]*>)?\s*(evidence\/[^<\s]+\.json)\s*(?:<\/code>)?\s*<\/a>/g)].map(
        (m) => `${p.path}: ${m[1]}`,
      ),
    );
    expect(labelledAsFile).toEqual([]);
  });

  it('a conformance gallery case links to the very case on its provider page', async () => {
    const page = await open('/galleries/conformance/');
    const link = page.locator('article.wf-case a[data-source-link]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/providers\/[a-z-]+\/#.+/);
    const target = await open(href);
    await expect(landsOnTarget(target)).resolves.toMatchObject({ found: true, inView: true });
    await target.close();
    await page.close();
  });
});

describe('remote and bridge provider pages', () => {
  for (const name of PROVIDER_NAMES.filter((n) => CATALOG[n]?.runtime)) {
    it(`${name} states its runtime manifest, not "none (checkout-safe)"`, async () => {
      const page = await open(`/providers/${name}/`);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('none (checkout-safe)');
      const manifest = await page.locator('[data-field="subject_runtime_manifest"]').innerText();
      expect(manifest).toMatch(new RegExp(`^${name}:schema-\\d+$`));
      const { runtime_ownership } = readEvidence(name).body.profile;
      const cell = await page.locator('[data-field="runtime_manifest"]').innerText();
      expect(cell).toContain(`(${runtime_ownership})`);
      // Replay is stated only where exchanges were recorded (bridge providers have none).
      expect(cell.includes('replayed on loopback'), name).toBe(CATALOG[name]?.replay === true);
      await page.close();
    });
  }
});
