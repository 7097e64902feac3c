/**
 * /roadmap/ renders content/roadmap.yaml: every stream and item with its status and the claims
 * and refs that settle it; the Genie decision is explained on the roadmap, the genie provider page
 * and the selection record; the scene-artifact record states what the host owns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoadmap, ROADMAP_FILE } from '../../src/worldforge/roadmap/roadmap.ts';
import { ROOT, useSite } from './harness.ts';

const { open } = useSite();
const { roadmap } = parseRoadmap(readFileSync(join(ROOT, ROADMAP_FILE), 'utf8'));

describe('/roadmap/', () => {
  it('shows every stream and item with its status, codes and what settles it', async () => {
    expect(roadmap).not.toBeNull();
    const page = await open('/roadmap/');
    for (const stream of roadmap!.streams) {
      await expect(page.locator(`section[data-stream="${stream.id}"] h2`).innerText()).resolves.toContain(stream.title);
      for (const item of stream.items) {
        const card = page.locator(`article[data-roadmap-item="${item.id}"]`);
        await expect(card.getAttribute('data-status'), item.id).resolves.toBe(item.status);
        if (item.codes.length) await expect(card.locator('[data-field="codes"]').innerText()).resolves.toBe(item.codes.join(', '));
        const claims = await card.locator('[data-claim-link]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-claim-link')));
        expect(claims).toEqual(item.claims);
        const refs = await card
          .locator('li[data-ref]')
          .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-ref'), li.querySelector('a')?.getAttribute('href') ?? null]));
        expect(refs.map(([ref]) => ref)).toEqual(item.refs);
        for (const [ref, href] of refs) expect(href, ref!).not.toBeNull();
      }
    }
    await page.close();
  });
});

describe('the Genie decision', () => {
  it('is explained on the roadmap, the genie provider page and the selection record', async () => {
    const roadmapPage = await open('/roadmap/#genie-runtime');
    const item = roadmapPage.locator('article#genie-runtime');
    await expect(item.innerText()).resolves.toMatch(/no public automation API/);
    await expect(item.locator('a[href="/design-records/genie/"]').count()).resolves.toBe(1);
    await roadmapPage.close();

    const provider = await open('/providers/genie/');
    await expect(provider.locator('[data-design-record="genie"]').innerText()).resolves.toMatch(/Decision: deferred/);
    await provider.close();

    const selection = await open('/selection/');
    const decision = selection.locator('[data-candidate-detail="genie"] [data-field="design_decision"]');
    await expect(decision.innerText()).resolves.toMatch(/deferred: Genie stays a fail-closed reservation/);
    await selection.close();
  });
});

describe('the scene-artifact record', () => {
  it('states that rendering, simulation and licensing are host-owned', async () => {
    const page = await open('/design-records/scene-artifact-boundary/');
    const owns = (await page.locator('[data-section="host-owns"]').innerText()).toLowerCase();
    for (const word of ['rendering', 'simulation', 'licensing']) expect(owns).toContain(word);
    await page.close();
  });
});
