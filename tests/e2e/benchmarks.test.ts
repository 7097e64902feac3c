/**
 * Browser tests of the benchmark pages: the index lists every preset with its verdict and baseline,
 * and each preset page shows its definition, deterministic rows (skips included), the verdict, and,
 * with a baseline, the build-time SVG latency chart.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarksEvidenceSchema } from '../../src/worldforge/kinds/benchmarks/schema.ts';
import { readJson, ROOT, screenshots, useSite } from './harness.ts';

const { open } = useSite();
const documents = readdirSync(join(ROOT, 'evidence', 'benchmarks'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => benchmarksEvidenceSchema().parse(readJson('benchmarks', name)));

describe('benchmark pages', () => {
  it('the index lists every preset', async () => {
    const page = await open('/benchmarks/');
    const listed = await page.locator('tr[data-preset]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-preset')));
    expect([...listed].sort()).toEqual(documents.map((d) => d.body.preset.id).sort());
    await page.close();
  });

  for (const doc of documents) {
    const { id } = doc.body.preset;
    it(`/benchmarks/${id}/ shows its rows, verdict and (with a baseline) a latency chart`, async () => {
      const page = await open(`/benchmarks/${id}/`);
      await expect(page.locator('tr[data-row]').first().isVisible()).resolves.toBe(true);
      for (const r of doc.body.results) {
        await expect(page.locator(`[id="${r.provider}-${r.operation}"]`).count()).resolves.toBe(1);
      }
      const charts = await page.locator('svg[data-chart="latency"]').count();
      expect(charts).toBe(doc.body.baseline ? 1 : 0);
      if (doc.status === 'skipped') await expect(page.locator('[data-field="missing_prerequisite"]').count()).resolves.toBeGreaterThan(0);
      if (id === 'parser-overhead') await screenshots(page, 'benchmark-parser-overhead');
      await page.close();
    });
  }
});
