import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRILL_NOT_REPRODUCED_EXIT, DRILLS, type Drill } from '../../src/worldforge/drills/catalog.ts';
import { runDrill } from '../../src/worldforge/drills/run.ts';
import { findSecrets } from '../../src/worldforge/redaction.ts';
import { REPO } from '../helpers/repo-copy.ts';

const made: string[] = [];
const workspace = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-drill-test-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const EXPECTED_IDS = [
  'missing-credentials',
  'missing-optional-runtime',
  'malformed-provider-output',
  'budget-violation',
  'corrupted-world-state',
  'expired-artifact',
  'unsafe-event-metadata',
];

/** Every file under `dir`, relative. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('operator drills', () => {
  it('has the seven drills, each with a signal, a recovery command and a documented exit code', () => {
    expect(DRILLS.map((d) => d.id)).toEqual(EXPECTED_IDS);
    for (const d of DRILLS) {
      expect(d.recovery_command.length).toBeGreaterThan(10);
      expect([1, 2]).toContain(d.exit_code);
    }
  });

  it.each(DRILLS.map((d) => [d.id, d] as [string, Drill]))(
    '%s observes its signal, records a failed run with the recovery command and bundles it',
    async (_id, drill) => {
      const dir = workspace();
      const outcome = await runDrill(drill, dir);
      expect(outcome.observation.signal, outcome.observation.detail).toBe(drill.expected_signal);
      expect(outcome.exit_code).toBe(drill.exit_code);
      const manifest = JSON.parse(readFileSync(join(dir, '.worldforge/runs', outcome.run_id, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ kind: 'drill', status: 'failed', operation: drill.id });
      expect(manifest.summary.recovery_command).toBe(drill.recovery_command);
      expect(existsSync(join(outcome.bundle, 'bundle.json'))).toBe(true);
      // Nothing a drill writes into its run or bundle carries a secret.
      for (const file of [...filesUnder(join(dir, '.worldforge')), ...filesUnder(outcome.bundle)])
        expect(findSecrets(readFileSync(file, 'utf8')), file).toEqual([]);
    },
  );

  it('a drill whose gate fails open exits 3, not its documented code', async () => {
    const open: Drill = { ...DRILLS[0]!, run: async () => ({ signal: 'no-error', detail: 'the call succeeded' }) };
    const outcome = await runDrill(open, workspace());
    expect(outcome.reproduced).toBe(false);
    expect(outcome.exit_code).toBe(DRILL_NOT_REPRODUCED_EXIT);
  });

  it('the unsafe-metadata drill: even the redacted events stay out of the bundle (fail closed)', async () => {
    const dir = workspace();
    const outcome = await runDrill(DRILLS.find((d) => d.id === 'unsafe-event-metadata')!, dir);
    expect(existsSync(join(dir, 'host-events.jsonl'))).toBe(true);
    const bundle = JSON.parse(readFileSync(join(outcome.bundle, 'bundle.json'), 'utf8'));
    const events = bundle.files.find((f: { path: string }) => f.path === 'run/events.jsonl');
    expect(events).toMatchObject({ included: false, safe_to_attach: false });
    expect(existsSync(join(outcome.bundle, 'run/events.jsonl'))).toBe(false);
  });

  it('drills list/run via the CLI: 7 drills, documented exit code, recovery printed, git status unchanged', () => {
    const status = () => spawnSync('git', ['status', '--porcelain', '--ignored'], { cwd: REPO, encoding: 'utf8' }).stdout;
    const before = status();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'bin/worldforge.mjs'), ...args], { cwd: REPO, encoding: 'utf8' });
    const list = cli('drills', 'list', '--json');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(7);
    const run = cli('drills', 'run', 'corrupted-world-state');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toContain('recovery:        npx worldforge world preflight');
    const workspaceLine = /workspace:\s+(\S+)/.exec(run.stdout)![1]!;
    made.push(workspaceLine);
    expect(workspaceLine.startsWith(tmpdir())).toBe(true);
    expect(cli('drills', 'run', 'no-such-drill').status).toBe(2);
    expect(status()).toBe(before);
  });
});
