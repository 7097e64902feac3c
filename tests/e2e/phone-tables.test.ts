/**
 * Phones (390 px): no table hides a column. Every wide table uses the one responsive pattern
 * (StackTable: each row a card, each cell labelled with its column), so on one page of every
 * template each body cell is on screen, and a cell whose column header is hidden carries its label.
 */
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { screenshots, useSite } from './harness.ts';

const { open } = useSite();

/** One built page per template: `/providers/mock/` and `/providers/runway/` share one. */
function onePagePerTemplate(): string[] {
  const seen = new Map<string, string>();
  for (const { path } of builtPages()) {
    if (path === '/404.html' || !path.endsWith('/')) continue;
    const parts = path.split('/').filter(Boolean);
    const template = parts.length >= 2 ? `/${parts.slice(0, -1).join('/')}/*` : path;
    // Prefer the page with the most tables of its template: remote providers over mock.
    if (!seen.has(template) || path.includes('runway') || path.includes('cohort')) seen.set(template, path);
  }
  return [...seen.values()].sort();
}

describe('tables at 390 px', () => {
  const paths = onePagePerTemplate();

  it('cover every template', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['/providers/', '/live-smoke/', '/claims/', '/selection/', '/galleries/', '/evaluation/']),
    );
    expect(paths.some((p) => p.startsWith('/providers/') && p !== '/providers/')).toBe(true);
  });

  it('show every body cell on screen, labelled when its header is hidden', { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    for (const path of paths) {
      const page = await open(path);
      await page.setViewportSize({ width: 390, height: 844 });
      const found = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const issues: string[] = [];
        if (document.documentElement.scrollWidth > width) issues.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
        document.querySelectorAll('main table').forEach((table, t) => {
          const head = table.querySelector('thead');
          const headHidden = !head || getComputedStyle(head).display === 'none';
          table.querySelectorAll(':is(tbody, tfoot) :is(td, th)').forEach((cell) => {
            const box = cell.getBoundingClientRect();
            const name = `table ${t + 1} (${table.className}) “${(cell.textContent ?? '').trim().slice(0, 30)}”`;
            if (box.width === 0 || box.height === 0) issues.push(`${name}: not displayed`);
            else if (box.right > width + 1 || box.left < -1)
              issues.push(`${name}: off screen (${Math.round(box.left)}–${Math.round(box.right)}px)`);
            const isRowHeader = cell.tagName === 'TH';
            if (head && headHidden && !isRowHeader && !cell.hasAttribute('data-col') && !cell.hasAttribute('colspan'))
              issues.push(`${name}: its header is hidden and it has no label`);
          });
        });
        return issues;
      });
      problems.push(...found.map((f) => `${path}: ${f}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('keep the key columns of the provider table and the rubric readable (screenshots)', async () => {
    for (const [path, name] of [
      ['/providers/', 'providers-phone'],
      ['/selection/', 'selection-phone'],
      ['/live-smoke/', 'live-smoke-phone'],
      ['/providers/runway/', 'runway-phone'],
    ] as const) {
      const page = await open(path);
      await screenshots(page, name);
      await page.close();
    }
  });
});
