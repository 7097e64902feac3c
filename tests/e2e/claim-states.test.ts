/**
 * Browser tests of claim backing states, the claims filters and the claim lists on provider pages:
 * a claim accepted in content/claims/known-gaps.yaml reads "known gap" with its reason, every
 * other claim reads "backed" (the committed tree passes the check), the filters show exactly the
 * matching cards and keep the choice in the URL, and each provider page lists the claims citing it.
 */
import { describe, expect, it } from 'vitest';
import { loadClaims, loadKnownGaps } from '../../src/worldforge/claims/load.ts';
import { parseRef } from '../../src/worldforge/claims/refs.ts';
import { PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { ROOT, useSite } from './harness.ts';

const { open } = useSite();
const claims = loadClaims(ROOT).claims.map((c) => c.value);
const gaps = loadKnownGaps(ROOT).gaps.map((g) => g.value);
const gapIds = [...new Set(gaps.map((g) => g.id))].sort();
const visibleIds = (page: Awaited<ReturnType<typeof open>>) =>
  page.locator('article[data-claim]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')!).sort());

describe('claim states', () => {
  it('every card shows its state first; known gaps carry the accepted reasons', async () => {
    expect(gapIds.length).toBeGreaterThan(0);
    const page = await open('/claims/');
    const states = await page
      .locator('article[data-claim]')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-claim'), e.getAttribute('data-state')])));
    for (const claim of claims) expect(states[claim.id], claim.id).toBe(gapIds.includes(claim.id) ? 'known-gap' : 'backed');
    for (const id of gapIds) {
      const card = page.locator(`article[data-claim="${id}"]`);
      await expect(card.locator('[data-field="state"]').textContent()).resolves.toBe('known gap');
      // The card shows the reasons of the gaps accepting the findings the check reports. A gap
      // accepting only a consequence (claim-class-backing of a ref claim-ref-failed already
      // reports: one error, one finding) is kept by the ratchet but not reported, so each shown
      // reason is one of this claim's accepted reasons, and there is at least one.
      const accepted = gaps.filter((g) => g.id === id).map((g) => g.reason);
      const shown = await card.locator('[data-field="state-reasons"] li').evaluateAll((lis) =>
        lis.map((li) =>
          (li.textContent ?? '')
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/^Known gap: /, ''),
        ),
      );
      expect(shown.length, id).toBeGreaterThan(0);
      for (const reason of shown) expect(accepted, id).toContain(reason);
      // The state is the card's first line, and visibly distinct from a backed card's badge.
      const first = await card.evaluate((el) => el.firstElementChild?.querySelector('[data-field="state"]') !== null);
      expect(first).toBe(true);
    }
    await page.close();
  });

  it('each card with evidence shows the date of its newest evidence and its age', async () => {
    const page = await open('/claims/');
    const ages = await page
      .locator('article[data-claim] [data-field="newest-evidence"]')
      .evaluateAll((els) =>
        els.map((e) => ({ date: e.getAttribute('data-date'), text: (e.textContent ?? '').replace(/\s+/g, ' ').trim() })),
      );
    const withEvidence = claims.filter((c) => c.evidence.length > 0).length;
    const dated = ages.filter((a) => a.date);
    // Every cited ref that resolves has a date from git (or a live-smoke run date); a claim
    // whose refs are all missing (a known gap) may have none.
    expect(dated.length).toBeGreaterThanOrEqual(withEvidence - gapIds.length);
    for (const a of dated)
      expect(a.text).toMatch(new RegExp(`^Newest evidence: ${a.date} \\((today|\\d+ days? old) when this site was built\\)$`));
    await page.close();
  });
});

describe('claims filters', () => {
  it('filter by state, class, area and provider, count what is shown and keep the choice in the URL', async () => {
    const page = await open('/claims/');
    const form = page.locator('form[data-claim-filters]');
    await expect(form.isVisible()).resolves.toBe(true);
    await form.locator('select[name="state"]').selectOption('known-gap');
    expect(await visibleIds(page)).toEqual(gapIds);
    await expect(form.locator('output').textContent()).resolves.toBe(`${gapIds.length} of ${claims.length} claims shown`);
    expect(new URL(page.url()).searchParams.get('state')).toBe('known-gap');
    await form.locator('select[name="state"]').selectOption('');

    await form.locator('select[name="class"]').selectOption('fixture-tested');
    expect(await visibleIds(page)).toEqual(
      claims
        .filter((c) => c.class === 'fixture-tested')
        .map((c) => c.id)
        .sort(),
    );
    await form.locator('select[name="class"]').selectOption('');

    await form.locator('select[name="area"]').selectOption('non-claim');
    expect(await visibleIds(page)).toEqual(
      claims
        .filter((c) => c.area === 'non-claim')
        .map((c) => c.id)
        .sort(),
    );
    await expect(page.locator('section[data-area="capability"]').isVisible()).resolves.toBe(false);
    await page.close();

    // A shared URL opens the same view.
    const shared = await open('/claims/?providers=runway');
    const citingRunway = claims
      .filter((c) => c.evidence.some((ref) => parseRef(ref).subject === 'runway'))
      .map((c) => c.id)
      .sort();
    expect(citingRunway.length).toBeGreaterThan(0);
    expect(await visibleIds(shared)).toEqual(citingRunway);
    await expect(shared.locator('select[name="providers"]').inputValue()).resolves.toBe('runway');
    await shared.close();
  });

  it('without JavaScript every claim is listed and the filter form stays hidden', () => {
    // The static HTML is the no-script view: the form carries `hidden` and no card does.
    return open('/claims/').then(async (page) => {
      const html = await (await fetch(page.url())).text();
      expect(html).toMatch(/<form[^>]*data-claim-filters[^>]*hidden/);
      expect(html).not.toMatch(/<article[^>]*data-claim[^>]*hidden/);
      await page.close();
    });
  });
});

describe('provider pages', () => {
  it('list every claim whose evidence names the provider, linked to its card on /claims/', async () => {
    for (const provider of PROVIDER_NAMES) {
      const citing = claims
        .filter((c) => c.evidence.some((ref) => parseRef(ref).subject === provider))
        .map((c) => c.id)
        .sort();
      const page = await open(`/providers/${provider}/`);
      const listed = await page
        .locator('[data-provider-claims] article[data-claim]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')!).sort());
      expect(listed, provider).toEqual(citing);
      if (citing[0]) {
        const href = await page.locator(`article[data-claim="${citing[0]}"] .wf-claim__id a`).getAttribute('href');
        expect(href).toBe(`/claims/#${citing[0]}`);
      }
      await page.close();
    }
  });
});
