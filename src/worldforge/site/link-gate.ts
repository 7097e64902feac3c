/**
 * The link gate: every internal link and anchor in the built site resolves. Run over dist/ after
 * `astro build` (an integration in astro.config.mjs fails the build) and by the browser tests. A
 * crawl of the output rather than a Markdown-level validator, because most pages are generated
 * from evidence and their links exist only in the HTML.
 *
 * Internal links are site-absolute (`/providers/mock/#generate`) or same-page (`#cases`); their
 * target must be a built file (a directory path means its index.html) and a fragment must name an
 * element id on the target page (`#_top`, Starlight's "back to top", and an empty `#` excepted).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  /** Site path of the page holding the link. */
  page: string;
  href: string;
  reason: string;
}

/** Site path of a built file (`a/index.html` → `/a/`). */
export const sitePathOf = (relativeFile: string) => {
  const path = `/${relativeFile.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
};

/** Decodes the entities Astro writes inside attribute values. */
export const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every element id of a page. */
export const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeAttribute(m[1]!)));

/** Every href of `<a>` and `<link>` elements, decoded, outside scripts and inline SVG templates. */
export const hrefsOf = (html: string) =>
  [...html.replace(/<script\b[\s\S]*?<\/script>/gi, ' ').matchAll(/<(?:a|link)\b[^>]*?\shref="([^"]*)"/gi)].map((m) =>
    decodeAttribute(m[1]!),
  );

const IGNORED_FRAGMENTS = new Set(['', '_top']);

/**
 * Broken internal links of `pages` (site path → HTML). `files` answers whether a site path is a
 * built file; `/a/` and `/a` both resolve to `/a/index.html`.
 */
export function brokenLinks(pages: ReadonlyMap<string, string>, files: (sitePath: string) => boolean): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsFor = (path: string) => {
    let found = ids.get(path);
    if (!found) {
      found = idsOf(pages.get(path) ?? '');
      ids.set(path, found);
    }
    return found;
  };
  const broken: BrokenLink[] = [];
  for (const [page, html] of pages) {
    for (const href of hrefsOf(html)) {
      if (!href.startsWith('#') && !(href.startsWith('/') && !href.startsWith('//'))) continue;
      const hash = href.indexOf('#');
      const rawPath = (hash === -1 ? href : href.slice(0, hash)).split('?')[0]!;
      let fragment = hash === -1 ? '' : href.slice(hash + 1);
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        broken.push({ page, href, reason: 'the fragment is not valid percent-encoding' });
        continue;
      }
      let target = rawPath === '' ? page : decodeURI(rawPath);
      if (!files(target)) {
        const asDirectory = target.endsWith('/') ? target : `${target}/`;
        if (pages.has(asDirectory)) target = asDirectory;
        else {
          broken.push({ page, href, reason: `no built page or file ${target}` });
          continue;
        }
      }
      if (IGNORED_FRAGMENTS.has(fragment) || !pages.has(target)) continue;
      if (!idsFor(target).has(fragment)) broken.push({ page, href, reason: `${target} has no element with id "${fragment}"` });
    }
  }
  return broken;
}

/** Every HTML page of a built site directory, by site path. */
export function readBuiltSite(dist: string): Map<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return new Map(
    walk(dist)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [sitePathOf(relative(dist, f)), readFileSync(f, 'utf8')]),
  );
}

/** Broken internal links of the site built in `dist`. */
export function checkBuiltSite(dist: string): BrokenLink[] {
  const pages = readBuiltSite(dist);
  const files = (path: string) => {
    const file = join(dist, ...path.split('/').filter(Boolean), ...(path.endsWith('/') ? ['index.html'] : []));
    return pages.has(path) || (existsSync(file) && statSync(file).isFile());
  };
  return brokenLinks(pages, files);
}
