/**
 * Live-smoke integrity, as an attacker would try it: refs that climb out of content/live-smoke/,
 * symlinked entries and folders, broken and duplicate-key JSON, rehearsals posing as live runs,
 * manifests that pass their schema but make an invalid entry, oversized messages and future
 * dates. Each must give one clear refusal, and `smoke record` must write nothing when it refuses.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalRunError, RecordRefusedError, recordSmoke } from '../../scripts/smoke-record.ts';
import { runSmoke } from '../../scripts/smoke.ts';
import { readCommittedEvidence } from '../../generators/run.ts';
import { runRules } from '../../src/worldforge/checks/runner.ts';
import claimClassBacking from '../../src/worldforge/checks/rules/claim-class-backing.ts';
import claimRefFailed from '../../src/worldforge/checks/rules/claim-ref-failed.ts';
import knownGapStale from '../../src/worldforge/checks/rules/known-gap-stale.ts';
import { loadClaims, loadKnownGaps } from '../../src/worldforge/claims/load.ts';
import { repoRefSources } from '../../src/worldforge/claims/sources.ts';
import { loadRecords } from '../../src/worldforge/records/load.ts';
import { REPO } from '../helpers/repo-copy.ts';
import { entryFor, passedManifest } from '../../src/worldforge/checks/testing-live-smoke.ts';
import { canonicalJson, sha256Tag } from '../../src/worldforge/digest.ts';
import { resolveLiveSmoke } from '../../src/worldforge/kinds/live-smoke/kind.ts';
import { liveSmokeEntrySchema, liveSmokeLabel } from '../../src/worldforge/live-smoke.ts';
import { RUN_MANIFEST_LIMITS, RunManifestError, type RunManifest } from '../../src/worldforge/manifests.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-smoke-'));
  dirs.push(dir);
  return dir;
};
const write = (root: string, path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
/** Every file under a folder, relative to it (empty when the folder does not exist). */
const filesUnder = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort()
    : [];

const livePublic = entryFor(passedManifest());

describe('live-smoke refs stay inside content/live-smoke/', () => {
  it('resolves a public passed entry as passed and a rehearsal as not live', () => {
    const root = scratch();
    write(root, 'content/live-smoke/runway-generate.json', canonicalJson(livePublic));
    expect(resolveLiveSmoke(root, 'runway', 'generate')).toMatchObject({ found: true, status: 'passed' });
    for (const endpoint of ['loopback', 'private'] as const) {
      const rehearsal = entryFor(passedManifest({ endpoint }));
      write(root, 'content/live-smoke/runway-generate.json', canonicalJson(rehearsal));
      const resolved = resolveLiveSmoke(root, 'runway', 'generate');
      expect(resolved).toMatchObject({ found: true, status: 'skipped' });
      expect(resolved.detail).toContain(`rehearsal (passed against a ${endpoint} endpoint`);
      expect(liveSmokeLabel(rehearsal)).toBe(`rehearsal passed (${endpoint} endpoint)`);
    }
  });

  it('never reads outside: traversal in the subject or fragment, symlinked files or folders', () => {
    const root = scratch();
    // A valid, passed, public entry planted where each attack would read it.
    const planted = canonicalJson(livePublic);
    write(root, 'outside/runway-generate.json', planted);
    write(root, 'runway-generate.json', planted);
    write(root, 'content/x-.json', planted);
    const attacks: [string, string | null][] = [
      ['x', '/../../runway-generate'],
      ['x', '/../../../outside/runway-generate'],
      ['..', 'generate'],
      ['../../outside/runway', 'generate'],
      ['runway', 'generate/../../x-'],
      ['runway', '..%2f..%2foutside'],
      ['runway', null],
      ['Runway', 'generate'],
    ];
    for (const [subject, fragment] of attacks) {
      const resolved = resolveLiveSmoke(root, subject, fragment);
      expect(resolved.found, `${subject}#${fragment}`).toBe(false);
    }
    mkdirSync(join(root, 'content/live-smoke'), { recursive: true });
    symlinkSync(join(root, 'outside/runway-generate.json'), join(root, 'content/live-smoke/runway-generate.json'));
    expect(resolveLiveSmoke(root, 'runway', 'generate')).toMatchObject({ found: false, detail: expect.stringContaining('symlink') });

    const linkedDir = scratch();
    mkdirSync(join(linkedDir, 'content'));
    symlinkSync(join(root, 'outside'), join(linkedDir, 'content/live-smoke'));
    expect(resolveLiveSmoke(linkedDir, 'runway', 'generate')).toMatchObject({ found: false, detail: expect.stringContaining('symlink') });
  });

  it('turns unreadable entries into an unresolved ref, never a crash', () => {
    const root = scratch();
    const cases = ['{ not json', `{"status": "passed", ${canonicalJson(livePublic).slice(1)}`, '"a string"', ''];
    for (const text of cases) {
      write(root, 'content/live-smoke/runway-generate.json', text);
      expect(() => resolveLiveSmoke(root, 'runway', 'generate')).not.toThrow();
      expect(resolveLiveSmoke(root, 'runway', 'generate').found).toBe(false);
    }
    mkdirSync(join(root, 'content/live-smoke/cosmos-generate.json'));
    expect(resolveLiveSmoke(root, 'cosmos', 'generate').found).toBe(false);
  });
});

/** A run folder with `manifest` (and its artifact), as `worldforge smoke` writes it; returns the manifest path. */
function runFolder(manifest: RunManifest | string, artifact = Buffer.from('0123456789')): string {
  const dir = join(scratch(), 'run');
  mkdirSync(join(dir, 'artifacts'), { recursive: true });
  writeFileSync(join(dir, 'artifacts/generate.mp4'), artifact);
  writeFileSync(join(dir, 'run_manifest.json'), typeof manifest === 'string' ? manifest : canonicalJson(manifest));
  return join(dir, 'run_manifest.json');
}
const artifactDigest = sha256Tag(Buffer.from('0123456789'));
const withArtifact = (patch: Partial<RunManifest> = {}) =>
  passedManifest({
    artifacts: [{ label: 'output', path: 'artifacts/generate.mp4', sha256: artifactDigest, byte_length: 10, content_type: 'video/mp4' }],
    ...patch,
  });
const now = new Date('2026-11-26T12:00:00Z');

describe('smoke record validates everything before writing anything', () => {
  it('records a public run: the manifest copy and the entry, which names the endpoint class', () => {
    const root = scratch();
    const outcome = recordSmoke(runFolder(withArtifact()), { root, now });
    expect(filesUnder(join(root, 'content'))).toEqual([
      'live-smoke/runs/20261120T101500Z-0123abcd.json',
      'live-smoke/runway-generate.json',
    ]);
    const entry = liveSmokeEntrySchema().parse(JSON.parse(readFileSync(join(root, outcome.entry_path), 'utf8')));
    expect(entry).toMatchObject({ status: 'passed', endpoint: 'public', date: '2026-11-20' });
    expect(resolveLiveSmoke(root, 'runway', 'generate').status).toBe('passed');
  });

  it('records a local run only with allowLocal, and then as a rehearsal that resolves as not live', () => {
    const root = scratch();
    const file = runFolder(withArtifact({ endpoint: 'private' }));
    expect(() => recordSmoke(file, { root, now })).toThrow(LocalRunError);
    expect(filesUnder(join(root, 'content'))).toEqual([]);
    const { entry } = recordSmoke(file, { root, now, allowLocal: true });
    expect(entry.endpoint).toBe('private');
    expect(entry.known_limitations[0]).toMatch(/^Rehearsal/);
    expect(resolveLiveSmoke(root, 'runway', 'generate').status).toBe('skipped');
  });

  const refusals: [string, () => string, RegExp][] = [
    [
      'a manifest that passes its schema but makes an invalid entry (skip message too short for a skip reason)',
      () =>
        runFolder(
          withArtifact({ status: 'skipped', skip_reason: 'missing_credentials', result_digest: null, artifacts: [], message: 'no key' }),
        ),
      /entry\.skip_reason: .*\nhint: the manifest is valid, but the content\/live-smoke\/ entry/,
    ],
    [
      'a 5 MB message (refused by size before it is parsed)',
      () => runFolder(canonicalJson(withArtifact({ message: 'x'.repeat(5 * 1024 * 1024) }))),
      new RegExp(`\\(root\\): \\d+ bytes; the limit is ${RUN_MANIFEST_LIMITS.fileBytes} bytes`),
    ],
    [
      'a message over the character limit inside a small file',
      () => runFolder(withArtifact({ message: 'x'.repeat(RUN_MANIFEST_LIMITS.messageChars + 1) })),
      /message: Too big|message: .*2000/,
    ],
    [
      'duplicate keys (one value for the reviewer, another for the program)',
      () => runFolder(canonicalJson(withArtifact()).replace('"status": "passed"', '"status": "failed", "status": "passed"')),
      /status: duplicate key/,
    ],
    [
      'a run dated in the future',
      () => runFolder(withArtifact({ run_id: '20301120T101500Z-0123abcd', created_at: '2030-11-20T10:15:00Z' })),
      /created_at: 2030-11-20T10:15:00Z is in the future/,
    ],
    [
      'a created_at that disagrees with the run id',
      () => runFolder(withArtifact({ created_at: '2026-11-21T10:15:00Z' })),
      /created_at: must be the time the run id names/,
    ],
    ['not JSON', () => runFolder('{"schema": '), /\(root\): not valid JSON/],
    ['a missing file', () => join(scratch(), 'missing.json'), /\(root\): cannot read the file \(ENOENT\)/],
  ];
  for (const [name, manifestFile, message] of refusals) {
    it(`refuses ${name}, naming file and field, and writes nothing`, () => {
      const root = scratch();
      const file = manifestFile();
      let error: unknown;
      try {
        recordSmoke(file, { root, now });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error instanceof RunManifestError || error instanceof RecordRefusedError, String(error)).toBe(true);
      expect((error as Error).message.startsWith(file)).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('hint:');
      expect(filesUnder(join(root, 'content'))).toEqual([]);
    });
  }

  it('refuses to write through a symlinked runs folder or entry, leaving the link target untouched', () => {
    const root = scratch();
    const outside = scratch();
    mkdirSync(join(root, 'content/live-smoke'), { recursive: true });
    symlinkSync(outside, join(root, 'content/live-smoke/runs'));
    expect(() => recordSmoke(runFolder(withArtifact()), { root, now })).toThrow(/content\/live-smoke\/runs is a symlink/);
    expect(filesUnder(outside)).toEqual([]);
    rmSync(join(root, 'content/live-smoke/runs'));
    symlinkSync(join(outside, 'victim.json'), join(root, 'content/live-smoke/runway-generate.json'));
    expect(() => recordSmoke(runFolder(withArtifact()), { root, now })).toThrow(RecordRefusedError);
    expect(filesUnder(outside)).toEqual([]);
    expect(filesUnder(join(root, 'content/live-smoke'))).toEqual(['runway-generate.json']);
  });
});

describe('worldforge smoke records where the run went, never the URL', () => {
  const smoke = (baseUrl: string | undefined) =>
    runSmoke({
      provider: 'runway',
      capability: 'generate',
      env: {},
      runsDir: scratch(),
      prompt: 'a red cube',
      durationSeconds: 2,
      baseUrl,
      command: 'npx worldforge smoke runway',
      lookup: async () => {
        throw new Error('a skip calls nothing, so it resolves nothing');
      },
    });
  it('classifies the built-in upstream as public and an override by its host', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'public'],
      ['https://api.dev.runwayml.com', 'public'],
      ['http://0x7f.1:8080', 'loopback'],
      ['http://[::ffff:10.0.0.7]:8080', 'private'],
      ['http://gpu-box.local:8080', 'private'],
    ];
    for (const [baseUrl, endpoint] of cases) {
      const outcome = await smoke(baseUrl);
      const manifest = readFileSync(outcome.run_manifest, 'utf8');
      expect(JSON.parse(manifest).endpoint, String(baseUrl)).toBe(endpoint);
      if (baseUrl) expect(manifest).not.toContain(new URL(baseUrl).host);
    }
  });
});

describe('only a public run backs the prepared-host claim and closes its known gaps', () => {
  /** The repository's claims and gaps, with every live-smoke ref resolving to a passed run of the given class. */
  function claimFindings(endpoint: 'public' | 'loopback' | 'private') {
    const root = scratch();
    for (const [provider, capability] of [
      ['runway', 'generate'],
      ['runway', 'transfer'],
      ['cosmos', 'generate'],
    ] as const) {
      const entry = entryFor(passedManifest({ provider, capability, endpoint }));
      write(root, `content/live-smoke/${provider}-${capability}.json`, canonicalJson(entry));
    }
    const refs = repoRefSources(root, readCommittedEvidence(), loadRecords(REPO));
    const rules = [claimRefFailed, claimClassBacking, knownGapStale];
    return runRules({ claims: loadClaims(REPO), gaps: loadKnownGaps(REPO), refs }, rules).filter(
      (f) => f.id === 'remote-media-live-smoke' || f.id.endsWith(':remote-media-live-smoke'),
    );
  }

  it('a public run backs it: no claim finding, and the ratchet asks to delete the closed gaps', () => {
    const findings = claimFindings('public');
    expect(findings.map((f) => `${f.level} ${f.rule} ${f.id}`).sort()).toEqual([
      'error known-gap-stale claim-class-backing:remote-media-live-smoke',
      'error known-gap-stale claim-ref-failed:remote-media-live-smoke',
    ]);
  });

  for (const endpoint of ['loopback', 'private'] as const) {
    it(`a ${endpoint} rehearsal backs nothing: the gaps stay open and the claim finding names the rehearsal`, () => {
      const findings = claimFindings(endpoint);
      expect(findings.filter((f) => f.rule === 'known-gap-stale')).toEqual([]);
      const failed = findings.filter((f) => f.rule === 'claim-ref-failed');
      expect(failed).toHaveLength(3);
      for (const f of failed) expect(f.found).toContain(`rehearsal (passed against a ${endpoint} endpoint`);
      // One error, one finding: the class-backing consequence is covered by the ref findings that
      // name the rehearsal, and its known gap stays in use (no known-gap-stale above).
      expect(findings.some((f) => f.rule === 'claim-class-backing')).toBe(false);
    });
  }
});
