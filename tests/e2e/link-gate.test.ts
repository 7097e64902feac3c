/**
 * The built site has no broken internal link or anchor (the same crawl fails `astro build`; this
 * test keeps the guarantee visible in `npm test` and proves the crawl saw the whole site).
 */
import { describe, expect, it } from 'vitest';
import { checkBuiltSite, hrefsOf, readBuiltSite } from '../../src/worldforge/site/link-gate.ts';
import { DIST } from './harness.ts';

describe('link gate over dist/', () => {
  it('every internal link and anchor resolves', () => {
    const pages = readBuiltSite(DIST);
    const internal = [...pages.values()].flatMap(hrefsOf).filter((h) => h.startsWith('/') || h.startsWith('#'));
    expect(pages.size).toBeGreaterThan(50);
    expect(internal.filter((h) => h.includes('#')).length).toBeGreaterThan(500);
    expect(checkBuiltSite(DIST)).toEqual([]);
  });
});
