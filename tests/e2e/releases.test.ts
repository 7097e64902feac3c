/**
 * Browser tests of the release pages. The committed release is rendered by the main build; the
 * claim-diff section is checked on a site built in a throwaway copy that also holds a TEST release
 * before it (tests/fixtures/releases/older-release.ts), so no fake release is ever committed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/worldforge/digest.ts';
import { releaseVersions } from '../../src/worldforge/kinds/releases/suite.ts';
import { type ReleaseEvidence, releaseEvidenceSchema } from '../../src/worldforge/kinds/releases/schema.ts';
import { diffReleases } from '../../src/worldforge/release/diff.ts';
import { OLDER_VERSION, olderRelease, REMOVED_CLAIM } from '../fixtures/releases/older-release.ts';
import { REPO } from '../helpers/repo-copy.ts';

const versions = releaseVersions();
const latest = versions.at(-1)!;
const current: ReleaseEvidence = releaseEvidenceSchema().parse(
  JSON.parse(readFileSync(join(REPO, 'evidence/releases', `${latest}.json`), 'utf8')),
);
const older = olderRelease(current);

// A copy of the site sources with the test release added; its own harness serves its own dist/. It
// lives inside the repository's git-ignored .worldforge/ so packages resolve from the repository's
// node_modules (a symlinked node_modules breaks Vite's module ids).
mkdirSync(join(REPO, '.worldforge'), { recursive: true });
const copy = mkdtempSync(join(REPO, '.worldforge', 'test-release-site-'));
for (const path of ['src', 'public', 'evidence', 'content', 'fixtures', 'tests/e2e', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  if (existsSync(join(REPO, path))) cpSync(join(REPO, path), join(copy, path), { recursive: true });
}
writeFileSync(join(copy, 'evidence/releases', `${OLDER_VERSION}.json`), canonicalJson(older));
const { useSite } = (await import(pathToFileURL(join(copy, 'tests/e2e/harness.ts')).href)) as typeof import('./harness.ts');

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`astro build of the copy failed:\n${build.stdout}\n${build.stderr}`);
}, 180_000);
const site = useSite();
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('release pages', () => {
  it('the main build renders every committed release', () => {
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(existsSync(join(REPO, 'dist/releases', v, 'index.html')), v).toBe(true);
      expect(existsSync(join(REPO, 'dist/releases', `${v}.md`)), v).toBe(true);
    }
  });

  it('lists releases newest first', async () => {
    const page = await site.open('/releases/');
    const listed = await page.locator('tr[data-version]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version')));
    expect(listed).toEqual([latest, ...versions.slice(0, -1).reverse(), OLDER_VERSION].filter((v, i, all) => all.indexOf(v) === i));
  });

  it('shows the claim diff against the previous (test) release: added, removed, upgraded, downgraded, evidence', async () => {
    const expected = diffReleases(current.body, older.body);
    expect(expected.removed).toEqual([REMOVED_CLAIM]);
    expect(expected.upgraded.length + expected.downgraded.length).toBeGreaterThanOrEqual(2);
    const page = await site.open(`/releases/${latest}/`);
    const diff = page.locator('[data-section="claim-diff"]');
    await expect(diff.getAttribute('data-previous')).resolves.toBe(OLDER_VERSION);
    const rows = await diff
      .locator('tr[data-change]')
      .evaluateAll((trs) =>
        trs.map((tr) => `${tr.getAttribute('data-change')}:${tr.getAttribute('data-claim') ?? tr.getAttribute('data-path')}`),
      );
    expect(rows).toEqual([
      ...expected.added.map((id) => `added:${id}`),
      ...expected.removed.map((id) => `removed:${id}`),
      ...expected.upgraded.map((c) => `upgraded:${c.id}`),
      ...expected.downgraded.map((c) => `downgraded:${c.id}`),
      ...expected.backing.map((c) => `backing:${c.id}`),
      ...expected.evidence.map((e) => `evidence:${e.path}`),
    ]);
    const up = expected.upgraded[0]!;
    await expect(diff.locator(`tr[data-change="upgraded"][data-claim="${up.id}"]`).innerText()).resolves.toContain(up.to);
    // The claims table states each claim's backing as the release froze it.
    for (const c of current.body.claims) {
      await expect(page.locator(`tr[data-claim="${c.id}"][data-backing]`).getAttribute('data-backing')).resolves.toBe(c.backing);
    }
    expect(site.external).toEqual([]);
  });

  it('the oldest release says it has nothing to compare with, and the Markdown export names the changes', async () => {
    const page = await site.open(`/releases/${OLDER_VERSION}/`);
    await expect(page.locator('[data-section="claim-diff"]').innerText()).resolves.toContain('First release');
    const md = await (await fetch(`${site.base}/releases/${latest}.md`)).text();
    expect(md).toContain(`## Changes since ${OLDER_VERSION}`);
    expect(md).toContain(`removed: ${REMOVED_CLAIM}`);
  });
});
