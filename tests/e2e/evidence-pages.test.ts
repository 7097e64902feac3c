/**
 * Browser tests of the evidence pages of the built site: fixtures, evaluation suites, galleries
 * (one test per committed gallery evidence file) and their Markdown exports. Server and browser
 * come from ./harness.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationEvidenceSchema } from '../../src/worldforge/kinds/evaluation/schema.ts';
import { fixturesEvidenceSchema } from '../../src/worldforge/kinds/fixtures/schema.ts';
import { GALLERY_LABELS } from '../../src/worldforge/kinds/galleries/schema.ts';
import { fixtureCasePath, itemsOnPage } from '../../src/worldforge/site/paging.ts';
import { readGalleries, readJson, ROOT, screenshots, useSite } from './harness.ts';

const site = useSite();
const { open, external } = site;

describe('galleries', () => {
  const galleries = readGalleries();

  it('the evidence holds galleries, and the index lists each of them', async () => {
    expect(galleries.length).toBeGreaterThan(0);
    const page = await open('/galleries/');
    const listed = await page.locator('tr[data-gallery]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-gallery')));
    expect([...listed].sort()).toEqual(galleries.map((g) => g.evidence.body.gallery).sort());
    for (const { evidence } of galleries) {
      const row = page.locator(`tr[data-gallery="${evidence.body.gallery}"]`);
      await expect(row.locator('[data-field="case_count"]').innerText()).resolves.toBe(String(evidence.body.cases.length));
      for (const label of GALLERY_LABELS) {
        await expect(row.locator(`td[data-label="${label}"]`).getAttribute('data-count')).resolves.toBe(
          String(evidence.body.counts[label] ?? 0),
        );
      }
    }
    await page.close();
  });

  for (const { file, evidence } of galleries) {
    const { gallery, disclaimer, cases } = evidence.body;
    it(`/galleries/${gallery}/ shows the disclaimer and the ${cases.length} case(s) of ${file}`, async () => {
      const page = await open(`/galleries/${gallery}/`);
      await expect(page.locator('[data-disclaimer]').innerText()).resolves.toBe(disclaimer);
      await expect(page.locator('[data-disclaimer]').isVisible()).resolves.toBe(true);
      await expect(page.locator('main').innerText()).resolves.toMatch(/deterministic contract triage, not fidelity rankings/i);
      const shown = await page.locator('article[data-case-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id')));
      expect(shown).toEqual(cases.map((c) => c.case_id));
      for (const label of GALLERY_LABELS) {
        await expect(page.locator(`article[data-label="${label}"]`).count(), label).resolves.toBe(
          cases.filter((c) => c.label === label).length,
        );
      }
      await page.close();
    });
  }

  it('/galleries/physics/ shows its known-failure case with its label', async () => {
    const evidence = galleries.find((g) => g.evidence.body.gallery === 'physics')?.evidence;
    expect(evidence, 'evidence/galleries/physics.json').toBeDefined();
    const known = evidence!.body.cases.filter((c) => c.label === 'known-failure');
    expect(known.length).toBeGreaterThan(0);
    const page = await open('/galleries/physics/');
    for (const c of known) {
      const card = page.locator(`article[data-case-id="${c.case_id}"]`);
      await expect(card.getAttribute('data-label')).resolves.toBe('known-failure');
      await expect(card.locator('.wf-label--known-failure').innerText()).resolves.toBe('known failure');
      await expect(card.locator('[data-field="first_triage_step"]').innerText()).resolves.toBe(c.first_triage_step);
      // The source link lands on the scenario in the evaluation page.
      const href = await card.locator('[data-field="source"] a').getAttribute('href');
      expect(href).toMatch(/^\/evaluation\/physics\/#/);
    }
    await screenshots(page, 'galleries-physics');
    await page.close();
  });

  it('serves the Markdown export of a gallery', async () => {
    const { evidence } = galleries.find((g) => g.evidence.body.gallery === 'physics') ?? galleries[0]!;
    const page = await open(`/galleries/${evidence.body.gallery}/`);
    const href = await page.locator('a[data-markdown-export]').getAttribute('href');
    expect(href).toBe(`/galleries/${evidence.body.gallery}.md`);
    await page.close();
    const response = await fetch(`${site.base}${href}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(evidence.body.title);
    expect(text).toBe(readFileSync(join(ROOT, 'evidence', 'galleries', `${evidence.body.gallery}.md`), 'utf8'));
  });
});

describe('fixtures', () => {
  it('/fixtures/ has one row per capability evidence file', async () => {
    const files = readdirSync(join(ROOT, 'evidence', 'fixtures')).filter((n) => n.endsWith('.json'));
    const page = await open('/fixtures/');
    const rows = await page.locator('tr[data-capability]').evaluateAll((els) => els.map((e) => e.getAttribute('data-capability')));
    expect([...rows].sort()).toEqual(files.map((n) => n.replace(/\.json$/, '')).sort());
    await page.close();
  });

  it('/fixtures/generate/ lists the signed-URL fixture as an expected rejection without leaking the signature', async () => {
    const evidence = fixturesEvidenceSchema().parse(readJson('fixtures', 'generate.json'));
    const page = await open('/fixtures/generate/');
    // Page 1 holds the first page of case details (all of them in today's corpus; paging.ts).
    const ids = await page.locator('section[data-fixture]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fixture')));
    expect(ids).toEqual(itemsOnPage(evidence.body.cases, 1).map((c) => c.fixture_id));

    const id = 'generate.invalid-signed-image-url';
    await expect(page.locator(`tr[data-fixture="${id}"]`).getAttribute('data-expected')).resolves.toBe('rejection');
    await expect(page.locator('[data-regenerate-command]').innerText()).resolves.toContain(evidence.command);
    await expect(page.locator('[data-field="claim_boundary"]').innerText()).resolves.toBe(evidence.claim_boundary);

    // The case's details, on the page paging.ts puts it on (page 1 in today's corpus).
    const [casePath] = fixtureCasePath('generate', evidence.body.cases, id).split('#');
    const details = casePath === '/fixtures/generate/' ? page : await open(casePath!);
    const section = details.locator(`section[data-fixture="${id}"]`);
    await expect(section.getAttribute('data-expected')).resolves.toBe('rejection');
    await expect(section.locator('.wf-outcome').innerText()).resolves.toBe('expected rejection');
    const expected = evidence.body.cases.find((c) => c.fixture_id === id)!;
    await expect(section.locator('[data-field="fixture_path"]').innerText()).resolves.toBe(expected.fixture_path);
    await expect(section.locator('tr[data-target]').count()).resolves.toBe(expected.checks.length);

    // The fixture file really carries a planted signature; no page of it may.
    expect(readFileSync(join(ROOT, expected.fixture_path), 'utf8')).toContain('X-Amz-Signature');
    expect(await page.content()).not.toContain('X-Amz-Signature');
    expect(await details.content()).not.toContain('X-Amz-Signature');
    await screenshots(page, 'fixtures-generate');
    if (details !== page) await details.close();
    await page.close();
  });
});

describe('evaluation', () => {
  it('/evaluation/generation/ labels full-hd-output as deliberately strict, with its note and thresholds', async () => {
    const evidence = evaluationEvidenceSchema().parse(readJson('evaluation', 'generation.json'));
    const scenario = evidence.body.scenarios.find((s) => s.scenario === 'full-hd-output');
    expect(scenario?.expectation).toBe('known-failure');
    const page = await open('/evaluation/generation/');
    const ids = await page.locator('section[data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
    expect(ids).toEqual(evidence.body.scenarios.map((s) => s.scenario));

    const section = page.locator('section[data-scenario="full-hd-output"]');
    const strict = section.locator('[data-deliberately-strict]');
    await expect(strict.isVisible()).resolves.toBe(true);
    await expect(strict.innerText()).resolves.toMatch(/deliberately strict/i);
    await expect(section.locator('[data-field="expectation_note"]').innerText()).resolves.toBe(scenario!.expectation_note);
    for (const t of scenario!.thresholds) {
      await expect(section.locator(`tr[data-metric="${t.metric}"]`).getAttribute('data-held')).resolves.toBe(String(t.passed));
    }
    await expect(section.locator('[data-field="result_digest"]').innerText()).resolves.toBe(scenario!.result_digest);
    // Scenarios expected to pass carry no strict label.
    await expect(page.locator('section[data-expectation="pass"] [data-deliberately-strict]').count()).resolves.toBe(0);
    // The claim boundary stands in the caution aside at the top and again in the provenance envelope.
    await expect(page.locator('[data-field="claim_boundary"]').allInnerTexts()).resolves.toEqual([
      evidence.claim_boundary,
      evidence.claim_boundary,
    ]);
    await expect(page.locator('[data-section="provenance"] [data-field="result_digest"]').innerText()).resolves.toBe(
      evidence.result_digest,
    );
    await expect(page.locator('[data-field="scenario_count"]').innerText()).resolves.toBe(String(evidence.body.summary.scenario_count));
    await page.close();
  });

  it('/evaluation/ has one row per suite evidence file', async () => {
    const files = readdirSync(join(ROOT, 'evidence', 'evaluation')).filter((n) => n.endsWith('.json'));
    const page = await open('/evaluation/');
    const rows = await page.locator('tr[data-suite]').evaluateAll((els) => els.map((e) => e.getAttribute('data-suite')));
    expect([...rows].sort()).toEqual(files.map((n) => n.replace(/\.json$/, '')).sort());
    await page.close();
  });
});

describe('evidence pages offline', () => {
  it('made no request outside the local server', () => {
    expect(external).toEqual([]);
  });
});
