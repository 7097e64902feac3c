/**
 * Readers of the built site in dist/ for the tests that scan every page without a browser (literal
 * Markdown, links and anchors, page weight): the list of built pages and each page's visible text
 * outside code. Plain string work over the static HTML Astro wrote; no parser is needed because
 * the tests only look at text nodes and at attributes Astro and Starlight always quote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DIST } from './harness.ts';

/** Every file under `dir`, recursively. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export interface BuiltPage {
  /** Site path, e.g. `/providers/mock/` (`/404.html` for the error page). */
  path: string;
  file: string;
  html: string;
}

/** The site path a built HTML file is served at. */
const sitePath = (file: string) => {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
};

/** Every HTML page in dist/, sorted by path (Pagefind's own files excluded). */
export function builtPages(): BuiltPage[] {
  return walk(DIST)
    .filter((file) => file.endsWith('.html') && !relative(DIST, file).startsWith('pagefind'))
    .map((file) => ({ path: sitePath(file), file, html: readFileSync(file, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Removes elements whose text is not prose (scripts, styles, code, SVG) with their content. */
const stripNonProse = (html: string) => html.replace(/<(script|style|pre|code|svg|template)\b[\s\S]*?<\/\1>/gi, ' ');

/** Decodes the few entities Astro writes in text. */
const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible prose of a page's <main>: text outside code, tags removed, whitespace collapsed. */
export function proseText(html: string): string {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  return decode(
    stripNonProse(main)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

/** The <main> markup outside code blocks and scripts, for checks on how text meets inline elements. */
export function proseMarkup(html: string): string {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  return main.replace(/<(script|style|pre|svg|template)\b[\s\S]*?<\/\1>/gi, ' ');
}
