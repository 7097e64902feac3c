/**
 * Accessibility: axe-core finds no serious or critical violation on any built page, in the dark
 * and in the light theme. axe runs inside the page (injected from node_modules, no network). The
 * themes differ only in colour, so the light pass runs axe's colour rules and the dark pass all
 * rules. The pages are split over two test files (axe-1, axe-2) so vitest runs them in parallel;
 * `AXE_PATHS=/claims/,/providers/` narrows a local run to some pages.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { useSite } from './harness.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Theme → axe options: every rule in the default theme, the colour rules in the other. */
const PASSES = [
  { theme: 'dark', options: { resultTypes: ['violations'] } },
  { theme: 'light', options: { resultTypes: ['violations'], runOnly: ['color-contrast', 'link-in-text-block'] } },
] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Registers the axe tests for shard `shard` (1-based) of `shards` of the built pages. */
export function axeShard(shard: number, shards: number) {
  const { open } = useSite();
  const narrowed = process.env.AXE_PATHS?.split(',').filter(Boolean);
  const all =
    narrowed ??
    builtPages()
      .map((p) => p.path)
      .filter((p) => p.endsWith('/'));
  const paths = all.filter((_, i) => i % shards === shard - 1);

  describe(`axe (pages ${shard} of ${shards})`, () => {
    it('covers its share of every page', () => {
      if (!narrowed) expect(all.length).toBeGreaterThan(50);
      expect(paths.length).toBeGreaterThan(0);
    });

    it('finds no serious or critical violation on any page in either theme', { timeout: 900_000 }, async () => {
      const page = await open('/');
      const problems: string[] = [];
      for (const path of paths) {
        await page.goto(new URL(path, page.url()).href, { waitUntil: 'load' });
        await page.addScriptTag({ path: axePath });
        for (const { theme, options } of PASSES) {
          const violations = await page.evaluate(
            async ({ theme: t, options: o }) => {
              document.documentElement.dataset.theme = t;
              const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
              const result = await axe.run(document, o);
              return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
            },
            { theme, options },
          );
          for (const v of violations as Violation[]) {
            problems.push(
              `${path} [${theme}] ${v.impact} ${v.id}: ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
          }
        }
      }
      await page.close();
      expect(problems).toEqual([]);
    });
  });
}
