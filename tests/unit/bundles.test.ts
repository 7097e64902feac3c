/**
 * Issue bundles and offline verification, in process: every run status bundles, a secret planted
 * in a run's events is excluded and reported (never copied), bundling twice is byte-identical, and
 * `verifyStatement` names the one file whose byte changed.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStatement } from '../../src/worldforge/bundles/intoto.ts';
import { filesUnder } from '../../src/worldforge/bundles/collect.ts';
import { BundleError, writeIssueBundle } from '../../src/worldforge/bundles/issue.ts';
import { issueBundleSchema } from '../../src/worldforge/bundles/schema.ts';
import { runEvaluation } from '../../src/worldforge/runs/eval.ts';
import { readHistory, type LoadedRun } from '../../src/worldforge/runs/history.ts';
import { startRun } from '../../src/worldforge/runs/workspace.ts';
import { REPO } from '../helpers/repo-copy.ts';

const planted: { secrets: { kind: string; carrier: string; value: string }[] } = JSON.parse(
  readFileSync(join(REPO, 'fixtures/redaction/planted-secrets.json'), 'utf8'),
);

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const loaded = (id: string): LoadedRun => readHistory(join(root, '.worldforge', 'runs')).runs.find((r) => r.manifest.run_id === id)!;
const tree = (dir: string) => new Map(filesUnder(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));

describe('issue bundles', () => {
  it('bundle an evaluation run byte-identically twice, with the report and a statement that verifies', async () => {
    root = mkdtempSync(join(tmpdir(), 'wf-bundle-'));
    const outcome = await runEvaluation({ suite: 'physics', root, format: 'md' });
    expect(outcome.manifest.status).toBe('passed');
    // The report is the evidence document: the committed file, byte for byte, against mock.
    expect(readFileSync(join(outcome.dir, 'reports/evaluation.json'), 'utf8')).toBe(
      readFileSync(join(REPO, 'evidence/evaluation/physics.json'), 'utf8'),
    );
    const a = join(root, 'a');
    const b = join(root, 'b');
    const bundle = writeIssueBundle(loaded(outcome.manifest.run_id), a);
    writeIssueBundle(loaded(outcome.manifest.run_id), b);
    writeIssueBundle(loaded(outcome.manifest.run_id), a); // replacing a previous bundle
    expect(tree(a)).toEqual(tree(b));
    expect(issueBundleSchema().parse(JSON.parse(readFileSync(join(a, 'bundle.json'), 'utf8')))).toEqual(bundle);
    expect(bundle.files.filter((f) => f.included).map((f) => f.path)).toEqual([
      'run/events.jsonl',
      'run/inputs/suite.json',
      'run/manifest.json',
      'run/reports/evaluation.json',
      'run/reports/evaluation.md',
      'run/results/summary.json',
    ]);
    const issue = readFileSync(join(a, 'issue.md'), 'utf8');
    for (const section of ['Command', 'Expected signal', 'Observed failure', 'Artifacts', 'Safe-to-attach notes', 'First triage step']) {
      expect(issue).toContain(`## ${section}\n`);
    }
    expect(verifyStatement(a).mismatches).toEqual([]);

    // One byte changed in one file: verify names exactly that file.
    const report = join(a, 'run/reports/evaluation.md');
    const bytes = readFileSync(report);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(report, bytes);
    expect(verifyStatement(a).mismatches.map((m) => m.name)).toEqual(['run/reports/evaluation.md']);
    rmSync(join(a, 'issue.md'));
    expect(verifyStatement(a).mismatches.map((m) => `${m.name}:${m.found.slice(0, 7)}`)).toEqual([
      'issue.md:missing',
      'run/reports/evaluation.md:sha256:',
    ]);
  });

  it('excludes and reports a planted secret in the events and a binary artifact, never copying them', () => {
    root = mkdtempSync(join(tmpdir(), 'wf-bundle-'));
    const run = startRun({
      kind: 'smoke',
      command: 'npx worldforge smoke runway',
      provider: 'runway',
      capability: 'generate',
      root,
      env: ['RUNWAYML_API_SECRET'],
      environment: {},
    });
    run.appendEvent({ provider: 'runway', phase: 'failure' });
    run.writeArtifact('generate.mp4', new Uint8Array([0, 1, 2, 3]));
    run.finish('failed', { observed_failure: 'provider_error: upstream failed', expected_signal: 'a clip' });
    // A writer outside startRun (or a bug) puts secrets into the event log.
    for (const secret of planted.secrets) appendFileSync(join(run.dir, 'events.jsonl'), `${JSON.stringify({ message: secret.carrier })}\n`);

    const out = join(root, 'bundle');
    const bundle = writeIssueBundle(loaded(run.id), out);
    const events = bundle.files.find((f) => f.source.endsWith('/events.jsonl'))!;
    expect(events).toMatchObject({ included: false, safe_to_attach: false, local_only: false });
    expect(events.reason).toMatch(/unsafe content found/);
    expect(bundle.files.find((f) => f.kind === 'artifact')).toMatchObject({ included: false, local_only: true, safe_to_attach: true });
    expect(bundle.safe_to_attach).toBe(false);
    const copied = [...tree(out).values()].join('\n');
    for (const secret of planted.secrets) expect(copied).not.toContain(secret.value);
    expect(filesUnder(out)).not.toContain('run/events.jsonl');
    expect(readFileSync(join(out, 'issue.md'), 'utf8')).toMatch(/events\.jsonl` excluded \(UNSAFE\): unsafe content found/);
  });

  it('bundles a cancelled run and refuses a running one or a foreign folder', () => {
    root = mkdtempSync(join(tmpdir(), 'wf-bundle-'));
    const cancelled = startRun({ kind: 'eval', command: 'npx worldforge eval run --suite physics', root });
    cancelled.finish('cancelled', { message: 'interrupted' });
    const bundle = writeIssueBundle(loaded(cancelled.id), join(root, 'c'));
    expect(bundle.run.status).toBe('cancelled');
    expect(bundle.first_triage_step).toMatch(/interrupted/);
    const running = startRun({ kind: 'eval', command: 'npx worldforge eval run --suite physics', root });
    expect(() => writeIssueBundle(loaded(running.id), join(root, 'r'))).toThrow(BundleError);
    running.finish('passed');
    writeFileSync(join(root, 'foreign.txt'), 'x');
    expect(() => writeIssueBundle(loaded(running.id), root)).toThrow(/not a WorldForge bundle/);
  });
});
