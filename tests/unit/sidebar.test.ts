/**
 * The generated sidebar (src/worldforge/site/sidebar.ts) lists every page the build renders. A
 * document split over several pages (a capability's fixture cases beyond one page) becomes a
 * group of all its pages, in the route's order, so no later page is left out of the navigation.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/worldforge/checks/rules.ts';
import { PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { FIXTURE_PAGE_SIZE, fixturePages } from '../../src/worldforge/site/paging.ts';
import { buildSidebar, type SidebarItem } from '../../src/worldforge/site/sidebar.ts';
import { copyRepo, REPO } from '../helpers/repo-copy.ts';

const repo = copyRepo();
cpSync(join(REPO, 'src/content/docs'), join(repo.root, 'src/content/docs'), { recursive: true });
afterAll(() => repo.remove());

const fixturesGroup = (sidebar: SidebarItem[]) => {
  const group = sidebar.find((item) => 'label' in item && item.label === 'Fixtures');
  if (!group || !('items' in group)) throw new Error('no Fixtures group');
  return group.items;
};

const docsGroup = (sidebar: SidebarItem[]) => {
  const group = sidebar.find((item) => 'label' in item && item.label === 'Docs');
  if (!group || !('items' in group)) throw new Error('no Docs group');
  return group.items;
};

describe('sidebar', () => {
  it('gives a docs page no entry lists a place in Docs, titled by the page, and lists each page once', () => {
    repo.write('src/content/docs/zz-new-guide.md', '---\ntitle: A new guide\n---\n\nText.\n');
    // Not a slug as written (Starlight would slugify it): left out rather than failing the build.
    repo.write('src/content/docs/Odd Name.md', '---\ntitle: Odd\n---\n\nText.\n');
    const sidebar = buildSidebar(repo.root, RULE_IDS, PROVIDER_NAMES);
    expect(docsGroup(sidebar).at(-1)).toEqual({ slug: 'zz-new-guide' });
    // Pages already placed (selection-records sits under Selection and design) are not repeated.
    const slugs = JSON.stringify(sidebar).match(/"slug":"[^"]+"/g) ?? [];
    expect(slugs.length).toBe(new Set(slugs).size);
    expect(slugs).toContain('"slug":"selection-records"');
    expect(slugs).not.toContain('"slug":"index"');
    expect(JSON.stringify(sidebar)).not.toContain('Odd Name');
  });

  it('links a capability whose cases fit on one page as one entry', () => {
    const items = fixturesGroup(buildSidebar(repo.root, RULE_IDS, PROVIDER_NAMES));
    expect(items).toContainEqual({ label: 'generate', link: '/fixtures/generate/' });
  });

  it('groups every page of a capability whose cases span several pages, in order', () => {
    const file = 'evidence/fixtures/generate.json';
    const doc = JSON.parse(repo.read(file));
    const base = doc.body.cases;
    const total = FIXTURE_PAGE_SIZE * 2 + 3;
    doc.body.cases = Array.from({ length: total }, (_, i) => ({ ...base[i % base.length], fixture_id: `generate.case-${i}` }));
    repo.write(file, JSON.stringify(doc));
    const items = fixturesGroup(buildSidebar(repo.root, RULE_IDS, PROVIDER_NAMES));
    const generate = items.find((item) => 'label' in item && item.label === 'generate');
    const pages = fixturePages('generate', total);
    expect(pages.map((p) => p.path)).toEqual(['/fixtures/generate/', '/fixtures/generate/2/', '/fixtures/generate/3/']);
    expect(generate).toEqual({
      label: 'generate',
      collapsed: true,
      items: [
        { label: `cases 1–${FIXTURE_PAGE_SIZE}`, link: '/fixtures/generate/' },
        { label: `cases ${FIXTURE_PAGE_SIZE + 1}–${FIXTURE_PAGE_SIZE * 2}`, link: '/fixtures/generate/2/' },
        { label: `cases ${FIXTURE_PAGE_SIZE * 2 + 1}–${total}`, link: '/fixtures/generate/3/' },
      ],
    });
  });
});
