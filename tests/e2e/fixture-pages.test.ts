/**
 * The paged fixture pages of the built site (dist/) match the paging of their evidence
 * (src/worldforge/site/paging.ts): every page the paging names is built and no other, each shows
 * exactly its cases in evidence order, page 1 lists every fixture linked to the page holding its
 * details, and the paging nav appears only when there is more than one page. Reads the static
 * HTML, no browser, so it is as cheap at a ×20 corpus (`npm run bench -- --keep`, then this file
 * in the kept copy) as on the committed one, where every capability fits on one page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesEvidenceSchema } from '../../src/worldforge/kinds/fixtures/schema.ts';
import { fixtureCasePath, fixturePages, itemsOnPage } from '../../src/worldforge/site/paging.ts';
import { decodeAttribute } from '../../src/worldforge/site/link-gate.ts';
import { fixtureRowAnchor, fixturesPagePath } from '../../src/worldforge/site/routes.ts';
import { DIST, ROOT } from './harness.ts';

const decode = decodeAttribute;
const builtFile = (path: string) => join(DIST, ...path.split('/').filter(Boolean), 'index.html');
const html = (path: string) => readFileSync(builtFile(path), 'utf8');

const suites = readdirSync(join(ROOT, 'evidence', 'fixtures'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => fixturesEvidenceSchema().parse(JSON.parse(readFileSync(join(ROOT, 'evidence', 'fixtures', name), 'utf8'))).body);

describe.each(suites.map((s) => [s.capability, s] as const))('fixture pages of %s', (capability, suite) => {
  const pages = fixturePages(capability, suite.cases.length);

  it('builds every page the paging names and no further one', () => {
    expect(pages.filter((p) => !existsSync(builtFile(p.path)))).toEqual([]);
    expect(existsSync(builtFile(fixturesPagePath(capability, pages.length + 1)))).toBe(false);
  });

  it('shows on each page exactly its cases, in evidence order, with the nav only when paged', () => {
    for (const p of pages) {
      const page = html(p.path);
      const sections = [...page.matchAll(/<section class="wf-fixture" id="([^"]*)"/g)].map((m) => decode(m[1]!));
      expect(sections, p.path).toEqual(itemsOnPage(suite.cases, p.page).map((c) => c.fixture_id));
      expect(page.match(/<nav class="wf-paging"/g)?.length ?? 0, p.path).toBe(p.pages > 1 ? 2 : 0);
    }
  });

  it('lists every fixture on page 1, each row an anchor linking to the page holding its details', () => {
    const page = html(pages[0]!.path);
    const rows = [...page.matchAll(/<tr id="([^"]*)" data-fixture="[^"]*"[^>]*>\s*<td data-col="Fixture">\s*<a href="([^"]*)"/g)].map(
      (m) => [decode(m[1]!), decode(m[2]!)],
    );
    expect(rows).toEqual(suite.cases.map((c) => [fixtureRowAnchor(c.fixture_id), fixtureCasePath(capability, suite.cases, c.fixture_id)]));
  });
});
