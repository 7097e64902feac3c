/**
 * Browser tests of the provider pages of the built site: the catalog /providers/ (statuses computed
 * from the committed conformance evidence), the mock provider page, the remote provider pages
 * (runway, cosmos) and the live-smoke registry page. Server and browser come from ./harness.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { exchangesEvidenceSchema } from '../../src/worldforge/kinds/exchanges/schema.ts';
import { LIVE_SMOKE_STATUSES, liveSmokeEntrySchema } from '../../src/worldforge/live-smoke.ts';
import { CATALOG } from '../../src/worldforge/providers/catalog.ts';
import { passedCapabilities, readEvidence, RESULTS, ROOT, useSite } from './harness.ts';

const { open, external } = useSite();

describe('provider catalog /providers/', () => {
  it('lists mock first with exactly its evidence-backed capabilities passed, and genie with none advertised', async () => {
    const page = await open('/providers/');
    const providers = await page.locator('tr[data-provider]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-provider')));
    expect(providers[0]).toBe('mock');
    expect(providers).toContain('genie');

    // Columns follow the canonical capability order.
    const mockCells = page.locator('tr[data-provider="mock"] td[data-capability]');
    expect(await mockCells.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-capability')))).toEqual([...CAPABILITIES]);

    const mockPassed = await page
      .locator('tr[data-provider="mock"] td[data-capability][data-status="passed"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-capability')));
    const mockEvidence = readEvidence('mock');
    // The expectation, and the same number derived from the committed evidence.
    expect(mockPassed).toEqual(['predict', 'generate', 'transfer', 'reason', 'embed']);
    expect(mockPassed).toHaveLength(5);
    expect(mockPassed).toEqual(passedCapabilities(mockEvidence));
    for (const cap of CAPABILITIES.filter((c) => !mockPassed.includes(c))) {
      await expect(page.locator(`tr[data-provider="mock"] td[data-capability="${cap}"]`).getAttribute('data-status')).resolves.toBe(
        'fails-closed',
      );
    }
    expect(await page.locator('tr[data-provider="mock"] td[data-capability="predict"] a[data-case-link]').innerText()).toBe('passed');

    const genieEvidence = readEvidence('genie');
    expect(genieEvidence.body.profile.capabilities).toEqual([]);
    const genieStatuses = await page
      .locator('tr[data-provider="genie"] td[data-capability]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    expect(genieStatuses).toEqual(CAPABILITIES.map(() => 'fails-closed'));

    await expect(page.locator('tr[data-provider="mock"] [data-field="maturity"]').innerText()).resolves.toBe(
      mockEvidence.body.profile.maturity,
    );
    await expect(page.locator('[data-overall-status]').getAttribute('data-overall-status')).resolves.toBe('passed');
    await expect(page.locator('main a[href="/how-evidence-works/"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('saves a full-page screenshot', async () => {
    const page = await open('/providers/');
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, 'providers.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(1000);
    await page.close();
  });
});

describe('provider page /providers/mock/', () => {
  it('renders every conformance case and the command that regenerates the evidence', async () => {
    const evidence = readEvidence('mock');
    const page = await open('/providers/mock/');
    const caseIds = await page
      .locator('table[data-cases] tbody tr[data-case]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
    expect(caseIds).toEqual(evidence.body.cases.map((c) => c.id));
    await expect(page.locator('[data-regenerate-command]').innerText()).resolves.toContain(evidence.command);
    await expect(page.locator('main').innerText()).resolves.toContain('npm run check');
    await expect(page.locator('[data-field="result_digest"]').innerText()).resolves.toBe(evidence.result_digest);
    await expect(page.locator('[data-field="claim_boundary"]').innerText()).resolves.toBe(evidence.claim_boundary);
    await page.close();
  });
});

describe('live smoke /live-smoke/', () => {
  const entries = readdirSync(join(ROOT, 'content', 'live-smoke'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => liveSmokeEntrySchema().parse(JSON.parse(readFileSync(join(ROOT, 'content', 'live-smoke', f), 'utf8'))));

  it('renders one row per registry entry, with its status and reason', async () => {
    const page = await open('/live-smoke/');
    const rows = await page
      .locator('table[data-live-smoke] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.id, tr.getAttribute('data-status')]));
    expect(rows.sort()).toEqual(entries.map((e) => [`${e.provider}-${e.capability}`, e.status]).sort());
    for (const entry of entries) {
      const row = page.locator(`tr[id="${entry.provider}-${entry.capability}"]`);
      await expect(row.locator('[data-command]').innerText()).resolves.toBe(entry.command);
      // Code spans render as <code>: the text reads without the backticks.
      if (entry.skip_reason) await expect(row.innerText()).resolves.toContain(entry.skip_reason.replaceAll('`', ''));
    }
    await page.close();
  });

  it('styles each status distinctly', async () => {
    const page = await open('/live-smoke/');
    const styles = await page.locator('[data-smoke-counts] li .wf-smoke').evaluateAll((badges) =>
      badges.map((b) => {
        const css = getComputedStyle(b);
        return `${css.color}|${css.backgroundColor}|${css.borderStyle}|${css.fontWeight}`;
      }),
    );
    expect(styles).toHaveLength(LIVE_SMOKE_STATUSES.length);
    expect(new Set(styles).size).toBe(LIVE_SMOKE_STATUSES.length);
    await page.close();
  });
});

describe('remote provider pages', () => {
  for (const name of ['runway', 'cosmos']) {
    it(`/providers/${name}/ shows env vars from the profile, artifact lifetime, each failure mode with its triage command, and live-smoke links`, async () => {
      const evidence = readEvidence(name);
      const exchanges = exchangesEvidenceSchema().parse(
        JSON.parse(readFileSync(join(ROOT, 'evidence', 'exchanges', `${name}.json`), 'utf8')),
      );
      const runtime = CATALOG[name]!.runtime!;
      const page = await open(`/providers/${name}/`);
      const env = await page.locator('[data-field="runtime-required-env"] code').allInnerTexts();
      expect(env).toEqual(evidence.body.profile.required_env_vars);
      await expect(page.locator('[data-field="artifact-lifetime"]').innerText()).resolves.toBe(runtime.artifact_lifetime);
      const modes = await page
        .locator('table[data-failure-modes] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-failure-mode'), tr.getAttribute('data-error-code')]));
      for (const c of exchanges.body.cases.filter((c) => c.failure_mode !== 'success'))
        expect(modes).toContainEqual([c.failure_mode, c.error_code]);
      const triage = await page.locator('table[data-failure-modes] [data-triage-command]').allInnerTexts();
      expect(triage.every((t) => t.length > 0)).toBe(true);
      const links = await page.locator('[data-live-smoke-links] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(evidence.body.profile.capabilities.map((cap) => `/live-smoke/#${name}-${cap}`));
      const target = await open(links[0]!);
      await expect(target.locator(`tr[id="${name}-${evidence.body.profile.capabilities[0]}"]`).count()).resolves.toBe(1);
      await target.close();
      await page.close();
    });
  }
});

describe('provider pages offline', () => {
  it('made no request outside the local server', () => {
    expect(external).toEqual([]);
  });
});
