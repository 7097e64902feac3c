/**
 * Check modes on this repository: on a pull request the known gaps excuse their findings; in
 * release mode (`--release`, `runCheck({ release: true })`) every known gap on a release-gated or
 * prepared-host claim is an error, one per gap.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMode, loadContext, runRules } from '../../scripts/check.ts';
import { loadClaims, loadKnownGaps } from '../../src/worldforge/claims/load.ts';
import { REPO } from '../helpers/repo-copy.ts';

describe('check modes', () => {
  it('maps the release option to the mode slice', () => {
    expect(checkMode({})).toBe('pull-request');
    expect(checkMode({ release: false })).toBe('pull-request');
    expect(checkMode({ release: true })).toBe('release');
  });

  it('release mode turns each known gap on a release-gated or prepared-host claim into one error', async () => {
    const data = await loadContext({ scanDist: false, today: new Date('2026-12-01T12:00:00Z') });
    expect(data.mode).toBe('pull-request');
    const pullRequest = runRules(data);
    expect(pullRequest.filter((f) => f.level === 'error')).toEqual([]);

    const release = runRules({ ...data, mode: 'release' });
    const strict = new Set(
      loadClaims(REPO)
        .claims.filter((c) => c.value.class === 'release-gated' || c.value.class === 'prepared-host-smoke-tested')
        .map((c) => c.value.id),
    );
    const expected = loadKnownGaps(REPO)
      .gaps.filter((g) => strict.has(g.value.id))
      .map((g) => `${g.value.rule}:${g.value.id}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const errors = release.filter((f) => f.level === 'error');
    expect(errors.every((f) => f.rule === 'known-gap-release')).toBe(true);
    expect(errors.map((f) => f.id).sort()).toEqual(expected);
  });

  it('`check --release` exits 1 with the known-gap-release findings', () => {
    const env = { ...process.env };
    delete env.GITHUB_STEP_SUMMARY;
    const run = spawnSync(process.execPath, [join(REPO, 'bin/worldforge.mjs'), 'check', '--release', '--no-dist', '--json'], {
      cwd: REPO,
      encoding: 'utf8',
      env,
    });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; findings: { rule: string; level: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.filter((f) => f.level === 'error').map((f) => f.rule)).toContain('known-gap-release');
  });
});
