/**
 * Paging of fixture cases (src/worldforge/site/paging.ts): page counts, which page a case is on,
 * the page paths, and the route parameter matching them, at the sizes that matter (0, 1, one full
 * page, one over, a ×20 corpus).
 */
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_PAGE_SIZE,
  fixtureCasePage,
  fixtureCasePath,
  fixturePages,
  itemsOnPage,
  pageCount,
  pageOfIndex,
  pageParam,
} from '../../src/worldforge/site/paging.ts';
import { fixtureRowAnchor, fixturesPagePath } from '../../src/worldforge/site/routes.ts';
import { kind as fixturesKind } from '../../src/worldforge/kinds/fixtures/kind.ts';

const casesOf = (n: number) => Array.from({ length: n }, (_, i) => ({ fixture_id: `generate.case-${i + 1}` }));

describe('page counts', () => {
  it('pages 0, 1, 25, 26 and 85 cases at the default size of 25', () => {
    expect(FIXTURE_PAGE_SIZE).toBe(25);
    expect([0, 1, 25, 26, 85].map((n) => pageCount(n))).toEqual([1, 1, 1, 2, 4]);
  });

  it('rejects a size or count that is not a whole number', () => {
    expect(() => pageCount(3, 0)).toThrow(RangeError);
    expect(() => pageCount(-1)).toThrow(RangeError);
    expect(() => pageCount(2.5)).toThrow(RangeError);
    expect(() => pageOfIndex(-1)).toThrow(RangeError);
  });
});

describe('which page holds a case', () => {
  it('puts indexes 0–24 on page 1, 25 on page 2, 84 on page 4', () => {
    expect([0, 24, 25, 49, 50, 84].map((i) => pageOfIndex(i))).toEqual([1, 1, 2, 2, 3, 4]);
    expect(pageOfIndex(4, 2)).toBe(3);
  });

  it('finds a fixture by id, null when absent', () => {
    const cases = casesOf(85);
    expect(fixtureCasePage(cases, 'generate.case-1')).toBe(1);
    expect(fixtureCasePage(cases, 'generate.case-25')).toBe(1);
    expect(fixtureCasePage(cases, 'generate.case-26')).toBe(2);
    expect(fixtureCasePage(cases, 'generate.case-85')).toBe(4);
    expect(fixtureCasePage(cases, 'generate.nope')).toBeNull();
    expect(fixtureCasePage([], 'generate.case-1')).toBeNull();
  });

  it('slices the items of a page and refuses a page that does not exist', () => {
    const cases = casesOf(26);
    expect(itemsOnPage(cases, 1)).toHaveLength(25);
    expect(itemsOnPage(cases, 2)).toEqual([{ fixture_id: 'generate.case-26' }]);
    expect(itemsOnPage([], 1)).toEqual([]);
    expect(() => itemsOnPage(cases, 3)).toThrow(/page 3 does not exist \(1–2\)/);
    expect(() => itemsOnPage(cases, 0)).toThrow(RangeError);
  });

  it('every case is on exactly one page, in evidence order', () => {
    const cases = casesOf(85);
    const pages = fixturePages('generate', cases.length);
    expect(pages.flatMap((p) => itemsOnPage(cases, p.page))).toEqual(cases);
  });
});

describe('page paths', () => {
  it('keeps page 1 at the capability page and numbers the others', () => {
    expect(fixturesPagePath('generate', 1)).toBe('/fixtures/generate/');
    expect(fixturesPagePath('generate', 2)).toBe('/fixtures/generate/2/');
    expect(fixtureRowAnchor('generate.valid-basic')).toBe('row-generate.valid-basic');
  });

  it('links a case to the page holding it, its id as the anchor (encoded)', () => {
    const cases = [...casesOf(30), { fixture_id: 'generate:odd id' }];
    expect(fixtureCasePath('generate', cases, 'generate.case-3')).toBe('/fixtures/generate/#generate.case-3');
    expect(fixtureCasePath('generate', cases, 'generate.case-26')).toBe('/fixtures/generate/2/#generate.case-26');
    expect(fixtureCasePath('generate', cases, 'generate:odd id')).toBe('/fixtures/generate/2/#generate%3Aodd%20id');
    expect(() => fixtureCasePath('generate', cases, 'generate.nope')).toThrow(/capability 'generate' has no fixture 'generate.nope'/);
  });

  it('describes one page for 0 or 1 case, with no prev or next', () => {
    expect(fixturePages('embed', 0)).toEqual([{ page: 1, pages: 1, path: '/fixtures/embed/', prev: null, next: null, first: 0, last: 0 }]);
    expect(fixturePages('embed', 1)).toEqual([{ page: 1, pages: 1, path: '/fixtures/embed/', prev: null, next: null, first: 1, last: 1 }]);
    expect(fixturePages('embed', 25)).toHaveLength(1);
  });

  it('chains 26 and 85 cases with prev/next and case ranges', () => {
    expect(fixturePages('embed', 26)).toEqual([
      { page: 1, pages: 2, path: '/fixtures/embed/', prev: null, next: '/fixtures/embed/2/', first: 1, last: 25 },
      { page: 2, pages: 2, path: '/fixtures/embed/2/', prev: '/fixtures/embed/', next: null, first: 26, last: 26 },
    ]);
    const pages = fixturePages('embed', 85);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [1, 25],
      [26, 50],
      [51, 75],
      [76, 85],
    ]);
    expect(pages[2]).toMatchObject({ prev: '/fixtures/embed/2/', next: '/fixtures/embed/4/' });
  });

  it('gives the route parameter that builds each page path', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(4)).toBe('4');
    for (const p of fixturePages('embed', 85)) {
      const param = pageParam(p.page);
      expect(param === undefined ? '/fixtures/embed/' : `/fixtures/embed/${param}/`).toBe(p.path);
    }
  });
});

describe('the fixtures kind links by these pages', () => {
  const doc = { body: { capability: 'generate', cases: casesOf(30) } } as unknown as Parameters<
    NonNullable<typeof fixturesKind.sitePage>['path']
  >[0];

  it('sends gallery case links to the page holding the case', () => {
    const site = fixturesKind.sitePage!;
    expect(site.path(doc)).toBe('/fixtures/generate/');
    expect(site.anchorPage!(doc, 'generate.case-2')).toBe('/fixtures/generate/');
    expect(site.anchorPage!(doc, 'generate.case-27')).toBe('/fixtures/generate/2/');
  });

  it('sends an evidence ref to a fixture to its row in the list on page 1', () => {
    expect(fixturesKind.route('generate', null)).toBe('/fixtures/generate/');
    expect(fixturesKind.route('generate', 'generate.case-27')).toBe('/fixtures/generate/#row-generate.case-27');
  });
});
