/**
 * Paging of a capability's fixture cases (issue 16: large fixture pages stay usable). A capability's
 * cases are split, in evidence order, into pages of FIXTURE_PAGE_SIZE; page 1 is the capability's
 * page (`/fixtures/<capability>/`, with the summary and the full list table), pages 2… hold the
 * remaining case details. The route pages, the list table, gallery links and the kind's site page
 * all ask this module which page a case is on, so a link and the page that renders the case cannot
 * disagree. Pure functions: no Astro, safe in the check and in tests. The paths are spelled in
 * routes.ts.
 */
import { fixturesPagePath, withAnchor } from './routes.ts';

/**
 * Cases per fixture page. 25 keeps today's corpora (3–6 cases per capability) on one page and a
 * ×20 corpus (about 85 cases) at four pages of a few hundred kilobytes each.
 */
export const FIXTURE_PAGE_SIZE = 25;

function assertPageSize(size: number) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
}

/** Number of pages for `total` items; at least 1, so a capability with no case still has its page. */
export function pageCount(total: number, size: number = FIXTURE_PAGE_SIZE): number {
  assertPageSize(size);
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`item count must be a non-negative integer, got ${total}`);
  return Math.max(1, Math.ceil(total / size));
}

/** The 1-based page holding the item at 0-based `index`. */
export function pageOfIndex(index: number, size: number = FIXTURE_PAGE_SIZE): number {
  assertPageSize(size);
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`item index must be a non-negative integer, got ${index}`);
  return Math.floor(index / size) + 1;
}

/** The items on 1-based `page`; throws for a page that does not exist (page 1 always does). */
export function itemsOnPage<T>(items: readonly T[], page: number, size: number = FIXTURE_PAGE_SIZE): T[] {
  const pages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new RangeError(`page ${page} does not exist (1–${pages})`);
  return items.slice((page - 1) * size, page * size);
}

/** One page of a capability's fixture cases, as the route and its paging nav need it. */
export interface FixturePage {
  /** 1-based page number. */
  page: number;
  /** Number of pages of this capability. */
  pages: number;
  path: string;
  /** Previous and next page paths; null on the first and last page. */
  prev: string | null;
  next: string | null;
  /** 1-based positions of the first and last case on this page (0 and 0 when there is no case). */
  first: number;
  last: number;
}

/** Every page of a capability with `total` cases, in order (always at least page 1). */
export function fixturePages(capability: string, total: number, size: number = FIXTURE_PAGE_SIZE): FixturePage[] {
  const pages = pageCount(total, size);
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      page,
      pages,
      path: fixturesPagePath(capability, page),
      prev: page > 1 ? fixturesPagePath(capability, page - 1) : null,
      next: page < pages ? fixturesPagePath(capability, page + 1) : null,
      first: total === 0 ? 0 : i * size + 1,
      last: Math.min(total, page * size),
    };
  });
}

/** The case fields paging needs: its id and its position (the order of the evidence). */
type CaseIds = readonly { fixture_id: string }[];

/** The page a fixture is on, or null when `cases` has no such fixture. */
export function fixtureCasePage(cases: CaseIds, fixtureId: string, size: number = FIXTURE_PAGE_SIZE): number | null {
  const index = cases.findIndex((c) => c.fixture_id === fixtureId);
  return index < 0 ? null : pageOfIndex(index, size);
}

/**
 * Link to a fixture's details, `/fixtures/<capability>/[<n>/]#<fixture id>`; throws when the
 * capability has no such fixture (a dangling link must fail the build, not 404).
 */
export function fixtureCasePath(capability: string, cases: CaseIds, fixtureId: string, size: number = FIXTURE_PAGE_SIZE): string {
  const page = fixtureCasePage(cases, fixtureId, size);
  if (page === null) throw new Error(`capability '${capability}' has no fixture '${fixtureId}'`);
  return withAnchor(fixturesPagePath(capability, page), fixtureId);
}

/**
 * The rest parameter of the fixture page route (`src/pages/fixtures/[capability]/[...page].astro`)
 * for a page: none for page 1 (the capability's own path), the number for the others, matching
 * `fixturesPagePath`.
 */
export const pageParam = (page: number): string | undefined => (page === 1 ? undefined : String(page));
