/**
 * Page weight: the gzipped JavaScript each page type loads up front (its module scripts, their
 * static imports and inline scripts; Pagefind's search UI, loaded when search opens, is counted
 * separately). Kept near what the site needed before the issue-15 work (≈ 32 KB per page, most of
 * it the search UI): the budget fails a change that adds a framework or a heavy script. Run with
 * `PAGE_WEIGHT_REPORT=1` to print the table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { DIST } from './harness.ts';

/** Upper bound of up-front gzipped JS per page, in bytes (7–8 KB measured; the search UI comes on top, on demand). */
const BUDGET = 12 * 1024;

const gz = (text: string | Buffer) => gzipSync(text).length;

/** A module and its static imports (`import … from "./x.js"`, `import "./x.js"`), transitively, as dist paths. */
function moduleClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(DIST, entry))) return seen;
  seen.add(entry);
  const code = readFileSync(join(DIST, entry), 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    const target = new URL(m[1]!, `http://x${entry}`).pathname;
    moduleClosure(target, seen);
  }
  return seen;
}

/** Up-front JS of a page: inline scripts plus the closure of its module scripts, gzipped. */
function pageJs(html: string): { bytes: number; files: string[] } {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((code) => code.trim() && !code.trim().startsWith('{'));
  const entries = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]!);
  const files = new Set<string>();
  for (const entry of entries) moduleClosure(entry, files);
  const bytes = inline.reduce((n, code) => n + gz(code), 0) + [...files].reduce((n, f) => n + gz(readFileSync(join(DIST, f))), 0);
  return { bytes, files: [...files] };
}

const TYPES: [string, (path: string) => boolean][] = [
  ['home', (p) => p === '/'],
  ['claims', (p) => p === '/claims/'],
  ['provider catalog', (p) => p === '/providers/'],
  ['provider page', (p) => /^\/providers\/[^/]+\/$/.test(p)],
  ['rule page', (p) => p.startsWith('/rules/')],
  ['gallery page', (p) => /^\/galleries\/[^/]+\/$/.test(p)],
  ['docs page', (p) => p === '/architecture/'],
  ['roadmap', (p) => p === '/roadmap/'],
];

describe('page weight', () => {
  const pages = builtPages();

  it('every page type stays within the up-front JavaScript budget', () => {
    const rows = TYPES.map(([name, match]) => {
      const page = pages.find((p) => match(p.path));
      expect(page, name).toBeDefined();
      return { name, path: page!.path, kb: pageJs(page!.html).bytes / 1024 };
    });
    const pagefind = existsSync(join(DIST, 'pagefind', 'pagefind-ui.js'))
      ? gz(readFileSync(join(DIST, 'pagefind', 'pagefind-ui.js'))) / 1024
      : 0;
    if (process.env.PAGE_WEIGHT_REPORT) {
      console.log(rows.map((r) => `${r.name.padEnd(18)} ${r.path.padEnd(26)} ${r.kb.toFixed(1)} KB`).join('\n'));
      console.log(`search UI (pagefind-ui.js, on first search) ${pagefind.toFixed(1)} KB`);
    }
    expect(rows.filter((r) => r.kb * 1024 > BUDGET)).toEqual([]);
    // A page that ships no script at all means the measurement broke, not that the page is light.
    expect(rows.every((r) => r.kb > 1)).toBe(true);
  });
});
