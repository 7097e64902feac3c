/** Run workspaces: layout, redaction on write, manifest validity, history filters, SIGINT → cancelled. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filterRuns, findRun, readHistory, rerunOf } from '../../src/worldforge/runs/history.ts';
import { RUN_ID_PATTERN } from '../../src/worldforge/runs/layout.ts';
import { readWorkspaceManifest } from '../../src/worldforge/runs/manifest.ts';
import { startRun } from '../../src/worldforge/runs/workspace.ts';
import { REPO } from '../helpers/repo-copy.ts';

const SECRET = 'sk-abcdefghijklmnopqrstuvwxyz012345';
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));
const tmp = () => {
  root = mkdtempSync(join(tmpdir(), 'wf-runs-'));
  return root;
};

describe('startRun', () => {
  it('lays out the workspace, redacts every write and records a valid final manifest', () => {
    const run = startRun({
      kind: 'eval',
      command: 'npx worldforge eval run --suite physics',
      provider: 'mock',
      capability: 'predict',
      operation: 'physics',
      root: tmp(),
      env: ['RUNWAYML_API_SECRET', 'HOME_IS_NOT_READ'],
      environment: { RUNWAYML_API_SECRET: SECRET },
    });
    expect(run.id).toMatch(RUN_ID_PATTERN);
    expect(run.dir).toBe(join(root, '.worldforge', 'runs', run.id));
    for (const folder of ['inputs', 'results', 'reports', 'artifacts']) expect(existsSync(join(run.dir, folder))).toBe(true);
    expect(readWorkspaceManifest(join(run.dir, 'manifest.json')).status).toBe('running');

    run.writeInput('request.json', { prompt: `use ${SECRET}`, api_key: SECRET });
    run.writeReport('report.md', `Authorization: Bearer ${SECRET}\n`);
    run.writeArtifact('clip.bin', new Uint8Array([1, 2, 3]));
    run.appendEvent({ provider: 'mock', phase: 'success', target: 'https://api.example.com/v1/x?token=abcdefgh123' });
    const final = run.finish('passed', { message: 'ok', metrics: { scenarios: 2 } });

    const all = ['inputs/request.json', 'reports/report.md', 'events.jsonl', 'manifest.json']
      .map((p) => readFileSync(join(run.dir, p), 'utf8'))
      .join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('token=abcdefgh123');
    expect(final.status).toBe('passed');
    expect(final.event_count).toBe(1);
    expect(final.files.map((f) => `${f.role}:${f.path}`)).toEqual([
      'artifact:artifacts/clip.bin',
      'input:inputs/request.json',
      'report:reports/report.md',
    ]);
    // Env var names and presence only.
    expect(final.env_summary).toEqual([
      { name: 'HOME_IS_NOT_READ', present: false },
      { name: 'RUNWAYML_API_SECRET', present: true },
    ]);
    expect(readWorkspaceManifest(join(run.dir, 'manifest.json'))).toEqual(final);
    expect(() => run.writeResult('late.json', {})).toThrow(/already passed/);
    expect(() => startRun({ kind: 'eval', command: 'x', root }).writeInput('../escape', 'x')).toThrow(/no folders/);
  });

  it('lists, filters and rebuilds the rerun command from the manifest only', () => {
    tmp();
    const a = startRun({
      kind: 'eval',
      command: 'npx worldforge eval run --suite physics',
      provider: 'mock',
      root,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    a.writeReport('r.json', { ok: true });
    a.finish('passed');
    const b = startRun({
      kind: 'smoke',
      command: 'npx worldforge smoke runway --capability generate',
      provider: 'runway',
      capability: 'generate',
      root,
      env: ['RUNWAYML_API_SECRET'],
      environment: {},
    });
    b.finish('skipped', { skip_reason: 'missing_credentials' });
    const { runs, problems } = readHistory(join(root, '.worldforge', 'runs'));
    expect(problems).toEqual([]);
    expect(runs.map((r) => r.manifest.run_id)).toEqual([b.id, a.id]);
    expect(filterRuns(runs, { provider: 'runway' }).map((r) => r.manifest.run_id)).toEqual([b.id]);
    expect(filterRuns(runs, { status: 'passed', artifactType: 'report' }).map((r) => r.manifest.run_id)).toEqual([a.id]);
    expect(filterRuns(runs, { since: '2026-06-01' }).map((r) => r.manifest.run_id)).toEqual([b.id]);
    expect(findRun(runs, a.id.slice(0, 12))?.manifest.run_id).toBe(a.id);
    expect(rerunOf(b.manifest())).toEqual({
      command: 'npx worldforge smoke runway --capability generate',
      args: ['smoke', 'runway', '--capability', 'generate'],
      env: [{ name: 'RUNWAYML_API_SECRET', present_at_run: false }],
    });
  });

  it('records cancelled with a valid manifest on Ctrl-C', async () => {
    tmp();
    const script = `
      import { startRun } from ${JSON.stringify(join(REPO, 'src/worldforge/runs/workspace.ts'))};
      const run = startRun({ kind: 'drill', command: 'npx worldforge drill x', root: ${JSON.stringify(root)} });
      run.appendEvent({ phase: 'started' });
      process.stdout.write(run.dir + '\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO });
    const dir = await new Promise<string>((done) => child.stdout.once('data', (d) => done(String(d).trim())));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    const manifest = readWorkspaceManifest(join(dir, 'manifest.json'));
    expect(manifest.status).toBe('cancelled');
    expect(manifest.event_count).toBe(1);
    expect(manifest.finished_at).not.toBeNull();
  });
});
