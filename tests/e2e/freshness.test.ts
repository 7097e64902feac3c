/**
 * Freshness is visible: every page's footer names the commit and date the evidence was generated
 * from, as git reports them for the checkout the site was built from (kept out of evidence files).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtPages } from './dist.ts';
import { ROOT, useSite } from './harness.ts';

const { open } = useSite();
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

describe('footer provenance', () => {
  const [commit, date] = git('log', '-1', '--format=%H%x09%cI', '--', 'evidence').split('\t');

  it('every page names the evidence commit and date', () => {
    const pages = builtPages().filter((p) => p.path !== '/404.html');
    expect(pages.length).toBeGreaterThan(50);
    const missing = pages.filter((p) => !p.html.includes(`data-evidence-commit="${commit}" data-evidence-date="${date}"`));
    expect(missing.map((p) => p.path)).toEqual([]);
  });

  it('is visible at the foot of a page, with the short commit and the day', async () => {
    const page = await open('/providers/runway/');
    const block = page.locator('[data-build-provenance]');
    await expect(block.isVisible()).resolves.toBe(true);
    await expect(block.innerText()).resolves.toContain(`Evidence as of commit ${commit!.slice(0, 12)} (${date!.slice(0, 10)})`);
    await page.close();
  });
});
