/**
 * The issue-12 acceptance path as a user runs it, in a throwaway copy of the repository with no
 * provider key: `eval run` and `smoke runway` (a typed skip) are listed by `runs list` with their
 * statuses, `runs bundle` works for each, `release evidence --version 0.1.0` fails in release mode
 * naming each claim today and passes once those claims are honestly classed, and `release verify`
 * passes on the fresh release and names the file after one byte of it changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueBundleSchema } from '../../src/worldforge/bundles/schema.ts';
import { releaseEvidenceSchema } from '../../src/worldforge/kinds/releases/schema.ts';
import { workspaceManifestSchema } from '../../src/worldforge/runs/manifest.ts';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
afterEach(() => repo?.remove());

describe('runs, bundles and release evidence from the CLI', () => {
  it('eval run and smoke runway are listed with their statuses and bundle', async () => {
    repo = copyRepo();
    const evaluation = await repo.cliAsync(['eval', 'run', '--suite', 'physics', '--format', 'csv']);
    expect(evaluation.code, evaluation.stderr).toBe(0);
    const smoke = await repo.cliAsync(['smoke', 'runway']);
    expect(smoke.code, smoke.stderr).toBe(0);
    const list = await repo.cliAsync(['runs', 'list', '--json']);
    const runs = workspaceManifestSchema().array().parse(JSON.parse(list.stdout));
    expect(runs.map((r) => `${r.kind}:${r.status}`).sort()).toEqual(['eval:passed', 'smoke:skipped']);
    const skipped = runs.find((r) => r.kind === 'smoke')!;
    expect(skipped.env_summary.find((e) => e.name === 'RUNWAYML_API_SECRET')).toEqual({ name: 'RUNWAYML_API_SECRET', present: false });

    const show = await repo.cliAsync(['runs', 'show', skipped.run_id]);
    expect(show.stdout).toContain(`bundle:  npx worldforge runs bundle ${skipped.run_id}`);
    const rerun = await repo.cliAsync(['runs', 'rerun', skipped.run_id]);
    expect(rerun.stdout).toContain('# reads RUNWAYML_API_SECRET from your environment');
    expect(rerun.stdout.trim().split('\n').at(-1)).toBe('npx worldforge smoke runway --capability generate');

    for (const run of runs) {
      const out = join(repo.root, 'bundles', run.run_id);
      const bundled = await repo.cliAsync(['runs', 'bundle', run.run_id, '--out', out, '--json']);
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(issueBundleSchema().parse(JSON.parse(bundled.stdout)).run.status).toBe(run.status);
    }
    const missing = await repo.cliAsync(['runs', 'show', '20990101T000000Z-00000000']);
    expect(missing.code).toBe(2);
  }, 150_000);

  it('release evidence fails in release mode naming each claim, passes once they are honestly classed, and verifies', async () => {
    repo = copyRepo();
    const failing = await repo.cliAsync(['release', 'evidence', '--version', '0.1.0', '--date', '2026-12-01']);
    expect(failing.code).toBe(1);
    const release = releaseEvidenceSchema().parse(JSON.parse(repo.read('evidence/releases/0.1.0.json')));
    expect(release.status).toBe('failed');
    // A known-gap-release error is about one gap: its id is `<rule>:<claim id>`.
    const named = [...new Set(release.body.release_check.errors.map((e) => e.id.split(':').at(-1)!))].sort();
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(failing.stdout).toContain(id);
    // Each named claim is release-gated or prepared-host and rests on a known gap or a skipped smoke.
    for (const id of named)
      expect(['release-gated', 'prepared-host-smoke-tested']).toContain(release.body.claims.find((c) => c.id === id)?.class);

    // Honestly classed: what cannot be shown today is stated as unsupported, and its gaps closed.
    const workflow = repo.read('content/claims/workflow.yaml');
    let honest = workflow;
    for (const id of named) {
      honest = honest.replace(
        new RegExp(`(  - id: ${id}\\n(?:    .*\\n|      .*\\n)*?)    class: [a-z-]+\\n    evidence:\\n(?:      - .*\\n)+`),
        `$1    class: unsupported\n    blocker: Not shown by this release; needs evidence a release can cite.\n`,
      );
    }
    expect(honest).not.toBe(workflow);
    repo.write('content/claims/workflow.yaml', honest);
    repo.write('content/claims/known-gaps.yaml', 'gaps: []\n');
    const passing = await repo.cliAsync(['release', 'evidence', '--version', '0.1.0', '--date', '2026-12-01']);
    expect(passing.code, passing.stdout + passing.stderr).toBe(0);
    expect(releaseEvidenceSchema().parse(JSON.parse(repo.read('evidence/releases/0.1.0.json'))).status).toBe('passed');

    const verified = await repo.cliAsync(['release', 'verify', 'evidence/releases/0.1.0.json']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const file = join(repo.root, 'evidence/conformance/mock.json');
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = 0x20;
    writeFileSync(file, bytes);
    const tampered = await repo.cliAsync(['release', 'verify', 'evidence/releases/0.1.0.json']);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('evidence/conformance/mock.json: expected sha256:');
  }, 150_000);
});
