/** The link gate finds broken pages and anchors in built HTML, and accepts what resolves. */
import { describe, expect, it } from 'vitest';
import { brokenLinks, hrefsOf, idsOf, sitePathOf } from '../../src/worldforge/site/link-gate.ts';

const pages = new Map([
  ['/', '<a href="/a/">a</a> <a href="/a">a without slash</a> <a href="#top-id">self</a><h1 id="top-id">x</h1>'],
  ['/a/', '<tbody id="generate"></tbody><tr id="generate/call"></tr><a href="/#top-id">home</a><a href="#_top">top</a>'],
]);
const files = (path: string) => pages.has(path) || path === '/favicon.svg';

describe('brokenLinks', () => {
  it('accepts pages, files, ids (percent-encoded too) and Starlight’s #_top', () => {
    const ok = new Map(pages);
    ok.set(
      '/b/',
      '<link rel="icon" href="/favicon.svg"><a href="/a/#generate%2Fcall">case</a><a href="/a/#generate">group</a><a href="https://example.org/#x">out</a>',
    );
    expect(brokenLinks(ok, (p) => ok.has(p) || p === '/favicon.svg')).toEqual([]);
  });

  it('reports a missing page, a missing anchor and a same-page anchor that does not exist', () => {
    const bad = new Map(pages);
    bad.set(
      '/c/',
      '<a href="/nowhere/">x</a><a href="/a/#generate%2Fmissing">y</a><a href="#nope">z</a><script>"<a href=\\"/ignored/\\">"</script>',
    );
    expect(brokenLinks(bad, files)).toEqual([
      { page: '/c/', href: '/nowhere/', reason: 'no built page or file /nowhere/' },
      { page: '/c/', href: '/a/#generate%2Fmissing', reason: '/a/ has no element with id "generate/missing"' },
      { page: '/c/', href: '#nope', reason: '/c/ has no element with id "nope"' },
    ]);
  });
});

describe('readers', () => {
  it('decode attribute entities and map files to site paths', () => {
    expect([...idsOf('<p id="a&amp;b"></p>')]).toEqual(['a&b']);
    expect(hrefsOf('<a class="x" href="/p/?q=1&amp;r=2#f">')).toEqual(['/p/?q=1&r=2#f']);
    expect(sitePathOf('index.html')).toBe('/');
    expect(sitePathOf('providers/mock/index.html')).toBe('/providers/mock/');
    expect(sitePathOf('404.html')).toBe('/404.html');
  });
});
