/**
 * Browser tests of the claims and records pages of the built site: /claims/ and claim references
 * in prose, the check-rule pages and reference anchors, selection records with their rubric and
 * promotion rules, design records, and the scene artifacts page. Server and browser come from
 * ./harness.ts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, ruleDocsPath } from '../../src/worldforge/checks/rules.ts';
import { loadClaims } from '../../src/worldforge/claims/load.ts';
import { CLAIM_AREAS, EVIDENCE_CLASSES } from '../../src/worldforge/claims/schema.ts';
import { loadRecords } from '../../src/worldforge/records/load.ts';
import { CRITERION_IDS, PROMOTION_LEVELS, scoreTotal } from '../../src/worldforge/records/rubric.ts';
import { candidateAnchor, criterionAnchor } from '../../src/worldforge/site/routes.ts';
import { DIST, RESULTS, ROOT, screenshots, useSite } from './harness.ts';

const { open, external } = useSite();

describe('claims', () => {
  it('/claims/ shows every claim row grouped by area, with every evidence class present', async () => {
    const { claims } = loadClaims(ROOT);
    const page = await open('/claims/');
    const rows = await page
      .locator('article[data-claim]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-claim'), e.getAttribute('data-class')]));
    expect(rows.map(([id]) => id).sort()).toEqual(claims.map((c) => c.value.id).sort());
    expect(new Set(rows.map(([, cls]) => cls))).toEqual(new Set(EVIDENCE_CLASSES));
    for (const area of CLAIM_AREAS) {
      await expect(page.locator(`section[data-area="${area}"] article[data-claim]`).count()).resolves.toBeGreaterThan(0);
    }
    // Evidence links carry their live status; mock's predict conformance passed.
    const ref = page.locator('article[data-claim="mock-predict"] li[data-ref="conformance/mock#predict"]');
    await expect(ref.getAttribute('data-status')).resolves.toBe('passed');
    await expect(ref.locator('a').getAttribute('href')).resolves.toBe('/providers/mock/#predict');
    await screenshots(page, 'claims');
    await page.close();
  });

  it('renders :claim[id] references in prose as links to their row', async () => {
    const page = await open('/');
    const link = page.locator('a.wf-claim-ref[data-claim="non-claim-robot-safety"]');
    await expect(link.getAttribute('href')).resolves.toBe('/claims/#non-claim-robot-safety');
    await link.click();
    await page.waitForURL('**/claims/#non-claim-robot-safety');
    await expect(page.locator('article#non-claim-robot-safety').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('has one page per check rule, the page every finding links to', async () => {
    for (const rule of RULE_IDS) expect(existsSync(join(DIST, 'rules', rule, 'index.html')), rule).toBe(true);
    const page = await open(ruleDocsPath('known-gap-stale'));
    await expect(page.locator('[data-rule="known-gap-stale"]').count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain('ratchet');
    await page.close();
  });
});

describe('check rules reference', () => {
  it('has an anchor for every rule id', async () => {
    const page = await open('/reference/check-rules/#evidence-drift');
    for (const id of RULE_IDS) await expect(page.locator(`[id="${id}"]`).count(), id).resolves.toBe(1);
    await page.close();
  });
});

describe('selection records /selection/', () => {
  const records = loadRecords(ROOT);

  it('renders each record with its rubric table: points per criterion and the computed total', async () => {
    expect(records.selection.length).toBeGreaterThan(0);
    const page = await open('/selection/');
    for (const record of records.selection) {
      const { id, candidates } = record.data;
      const table = page.locator(`table[data-rubric="${id}"]`);
      await expect(table.count()).resolves.toBe(1);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-criterion')));
      expect(rows).toEqual([...CRITERION_IDS]);
      for (const c of candidates) {
        const points = await table
          .locator(`tbody td[data-candidate="${c.id}"]`)
          .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
        expect(points, c.id).toEqual(CRITERION_IDS.map((k) => c.scores[k]));
        await expect(table.locator(`tr[data-row="total"] td[data-candidate="${c.id}"]`).innerText()).resolves.toBe(
          String(scoreTotal(c.scores)),
        );
        await expect(table.locator(`tr[data-row="decision"] td[data-candidate="${c.id}"]`).getAttribute('data-decision')).resolves.toBe(
          c.decision,
        );
        await expect(page.locator(`[id="${candidateAnchor(id, c.id)}"]`).count(), c.id).resolves.toBe(1);
      }
    }
    // Deferrals show their blocker and revisit trigger.
    const genie = page.locator('[data-candidate-detail="genie"]');
    await expect(genie.locator('[data-field="blocker"]').innerText()).resolves.toContain('no public automation API');
    await expect(genie.locator('[data-field="revisit_trigger"]').count()).resolves.toBe(1);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'selection.png'), fullPage: true });
    await page.close();
  });

  it('has rubric and promotion-rule pages with the anchors records link to', async () => {
    const rubric = await open('/selection/rubric/');
    for (const id of CRITERION_IDS) await expect(rubric.locator(`[id="${criterionAnchor(id)}"]`).count(), id).resolves.toBe(1);
    await expect(rubric.locator('table.wf-bands tbody tr').count()).resolves.toBe(3);
    await rubric.close();
    const promotion = await open('/selection/promotion-rules/');
    for (const level of PROMOTION_LEVELS) await expect(promotion.locator(`[id="${level}"]`).count(), level).resolves.toBe(1);
    await promotion.close();
  });
});

describe('design records', () => {
  it('lists every design record and renders each page with its decision', async () => {
    const { design } = loadRecords(ROOT);
    const index = await open('/design-records/');
    const listed = await index
      .locator('tr[data-design-record]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-design-record')));
    expect(listed.sort()).toEqual(design.map((d) => d.data.id).sort());
    await index.close();
    for (const record of design) {
      const page = await open(`/design-records/${record.data.id}/`);
      await expect(page.locator('[data-field="decision"]').innerText()).resolves.toBe(record.data.decision);
      await expect(page.locator('h1').innerText()).resolves.toBe(record.data.title);
      await page.close();
    }
  });

  it('the scene boundary maps to generate as deferred; the Genie record is deferred with blocker and trigger', async () => {
    const scene = await open('/design-records/scene-artifact-boundary/');
    await expect(scene.locator('[data-field="capability_mapping"]').innerText()).resolves.toMatch(/^generate — deferred/);
    await expect(scene.locator('[data-verdict="accepted"]').count()).resolves.toBeGreaterThan(0);
    await expect(scene.locator('[data-verdict="rejected"]').count()).resolves.toBeGreaterThan(0);
    await scene.close();
    const genie = await open('/design-records/genie/');
    await expect(genie.locator('[data-field="blocker"]').count()).resolves.toBe(1);
    await expect(genie.locator('[data-field="revisit_trigger"]').count()).resolves.toBe(1);
    await genie.close();
  });

  it('the genie provider page states the decision and links its design record', async () => {
    const page = await open('/providers/genie/');
    const note = page.locator('[data-design-record="genie"]');
    await expect(note.innerText()).resolves.toContain('Decision: deferred');
    await expect(note.locator('a[href="/design-records/genie/"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('the scene artifacts page says what the artifact does not prove', async () => {
    const page = await open('/scene-artifacts/');
    await expect(page.locator('main').innerText()).resolves.toContain('does not prove');
    await page.close();
  });
});

describe('claims and records offline', () => {
  it('made no request outside the local server', () => {
    expect(external).toEqual([]);
  });
});
