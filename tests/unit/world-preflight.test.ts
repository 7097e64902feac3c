import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../../src/worldforge/runs/workspace.ts';
import { findSecrets, hasHostPath } from '../../src/worldforge/redaction.ts';
import { PREFLIGHT_CHECKS, preflight } from '../../src/worldforge/world/preflight.ts';
import { recover } from '../../src/worldforge/world/recover.ts';
import { newWorld } from '../../src/worldforge/world/schema.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A state dir and runs dir seeded with one instance of every problem, plus one healthy world. */
function seeded() {
  root = mkdtempSync(join(tmpdir(), 'wf-preflight-'));
  const stateDir = join(root, 'worlds');
  const runsDir = join(root, 'runs');
  mkdirSync(stateDir);
  const world = newWorld('good', 'good', [{ id: 'cube', position: { x: 0, y: 0, z: 0 } }]);
  const put = (name: string, value: unknown) =>
    writeFileSync(join(stateDir, name), typeof value === 'string' ? value : JSON.stringify(value));
  put('good.json', world);
  put('Not_Safe.json', { ...world, id: 'not-safe' });
  put('..hidden.json', world);
  put('trav.json', { ...world, id: '../../outside' });
  put('other.json', { ...world, id: 'elsewhere' });
  put('broken.json', '{"schema": "worldforge.world@1", "id": "bro');
  put('box.json', {
    ...world,
    id: 'box',
    objects: [{ id: 'c', position: { x: 0, y: 0, z: 0 }, bbox: { min: { x: 1, y: 0, z: 0 }, max: { x: 0, y: 1, z: 1 } }, attributes: {} }],
  });
  put('hist.json', { ...world, id: 'hist', history: [{ step: 4, kind: 'plan', summary: 'x', providers: [] }] });
  // Runs: a stale running run, an invalid manifest, a symlinked artifact, and enough runs for retention pressure.
  startRun({ kind: 'drill', command: 'npx worldforge drills run x', runsDir, now: new Date('2020-01-01T00:00:00Z') });
  const invalid = join(runsDir, '20200101T000001Z-00000001');
  mkdirSync(invalid);
  writeFileSync(join(invalid, 'manifest.json'), '{"schema": "nope"}');
  const linked = startRun({ kind: 'drill', command: 'npx worldforge drills run y', runsDir });
  linked.finish('passed');
  symlinkSync('/etc/hostname', join(linked.dir, 'artifacts', 'clip.mp4'));
  return { stateDir, runsDir, now: new Date() };
}

const checksOf = (findings: { check: string; subject: string }[]) => findings.map((f) => `${f.check} ${f.subject}`).sort();

describe('world preflight', () => {
  it('reports each seeded problem with its check id, reading only', () => {
    const options = seeded();
    const before = readdirSync(options.stateDir).sort();
    const report = preflight({ ...options, retentionKeep: 2 });
    expect(report.status).toBe('failed');
    const found = checksOf(report.findings);
    expect(found).toHaveLength(11);
    expect(found).toEqual(
      expect.arrayContaining([
        'bbox-incoherent <state-dir>/box.json',
        'corrupted-world-json <state-dir>/broken.json',
        'history-incoherent <state-dir>/hist.json',
        'invalid-run-manifest <runs-dir>/20200101T000001Z-00000001',
        'retention-pressure <runs-dir>',
        expect.stringMatching(/^stale-run-workspace <runs-dir>\/20200101T000000Z-/),
        'traversal-shaped-id <state-dir>/..hidden.json',
        'traversal-shaped-id <state-dir>/trav.json',
        'unsafe-world-file-id <state-dir>/Not_Safe.json',
        expect.stringMatching(/^unsafe-artifact-path <runs-dir>\/.*\/artifacts\/clip\.mp4$/),
        'world-id-mismatch <state-dir>/other.json',
      ]),
    );
    for (const f of report.findings) expect(f.severity).toBe(PREFLIGHT_CHECKS[f.check]);
    expect(readdirSync(options.stateDir).sort()).toEqual(before);
  });

  it('is safe to attach: no host path, no file content, no secret', () => {
    const options = seeded();
    writeFileSync(join(options.stateDir, 'leak.json'), '{"token": "sk-live-0123456789abcdef0123456789abcdef", ');
    const report = preflight(options);
    const text = JSON.stringify(report);
    expect(report.safe_to_attach).toBe(true);
    expect(text).not.toContain(root);
    expect(hasHostPath(text)).toBe(false);
    expect(findSecrets(text)).toEqual([]);
    expect(text).not.toContain('sk-live');
  });

  it('a missing state dir is a warning, not a failure', () => {
    root = mkdtempSync(join(tmpdir(), 'wf-preflight-'));
    const report = preflight({ stateDir: join(root, 'nope'), runsDir: join(root, 'runs') });
    expect(report.status).toBe('warning');
    expect(report.findings.map((f) => f.check)).toEqual(['state-dir-missing']);
  });
});

describe('world recover', () => {
  it('exports the diagnostics first, then moves (never deletes) every quarantined subject', () => {
    const options = seeded();
    const result = recover({ ...options, quarantineRoot: join(root, 'quarantine') });
    const exported = JSON.parse(readFileSync(join(result.dir, 'preflight.json'), 'utf8'));
    expect(exported.status).toBe('failed');
    const moved = JSON.parse(readFileSync(join(result.dir, 'moves.json'), 'utf8')).moves as { to: string }[];
    expect(moved).toHaveLength(8);
    expect(moved.map((m) => m.to)).toEqual(
      expect.arrayContaining([
        'worlds/..hidden.json',
        'worlds/Not_Safe.json',
        'worlds/box.json',
        'worlds/broken.json',
        'worlds/hist.json',
        'worlds/trav.json',
        'runs/20200101T000001Z-00000001',
        expect.stringMatching(/^runs\/\d{8}T\d{6}Z-[0-9a-f]{8}$/),
      ]),
    );
    for (const m of moved) expect(existsSync(join(result.dir, m.to))).toBe(true);
    // Healthy and warning-only subjects stay; the quarantined originals are intact.
    expect(readdirSync(options.stateDir).sort()).toEqual(['good.json', 'other.json']);
    expect(readFileSync(join(result.dir, 'worlds/broken.json'), 'utf8')).toBe('{"schema": "worldforge.world@1", "id": "bro');
    expect(preflight(options).status).toBe('warning');
  });
});
