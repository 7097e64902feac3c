/**
 * Smoke commands, run manifests and the live-smoke registry, as a user runs them: the real CLI in
 * a throwaway copy of the repository, against a loopback replay server started by the test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { liveSmokeEntrySchema } from '../../src/worldforge/live-smoke.ts';
import { parseRunManifest, readRunManifest, RunManifestError, runManifestSchema } from '../../src/worldforge/manifests.ts';
import { CATALOG } from '../../src/worldforge/providers/catalog.ts';
import { runwayOperations } from '../../src/worldforge/providers/runway.ts';
import { loadExchanges } from '../../src/worldforge/replay/exchange.ts';
import { startReplayServer, type ReplayServer } from '../../src/worldforge/replay/server.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
let server: ReplayServer | undefined;
afterEach(async () => {
  repo?.remove();
  await server?.close();
  server = undefined;
});

const planted: { secrets: { kind: string; value: string }[] } = JSON.parse(
  readFileSync(join(REPO, 'fixtures/redaction/planted-secrets.json'), 'utf8'),
);

/** Runway's variables, from its module: the key the smoke needs and the origin it calls. */
const { credentialVar: RUNWAY_KEY, baseUrlVar: RUNWAY_BASE_URL } = runwayOperations.smoke;
const runtime = (name: string) => CATALOG[name]!.runtime!;

function runManifests(root: string): string[] {
  const runs = join(root, '.worldforge', 'runs');
  return existsSync(runs) ? readdirSync(runs).map((id) => join(runs, id, 'run_manifest.json')) : [];
}

/** Every file under a folder, as text (binary artifacts included: a secret must not be in them either). */
function allText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

describe('worldforge smoke', () => {
  it('runway without credentials exits 0 with a typed skip, a clear message and a valid skipped manifest', async () => {
    repo = copyRepo();
    const result = await repo.cliAsync(['smoke', 'runway']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('skipped_missing_credentials');
    expect(result.stdout).toContain(RUNWAY_KEY);
    expect(result.stdout).toContain(runtime('runway').smoke_skip.message);
    const [file] = runManifests(repo.root);
    expect(readRunManifest(file!)).toMatchObject({
      status: 'skipped',
      skip_reason: 'missing_credentials',
      provider: 'runway',
      capability: 'generate',
    });

    const cosmos = await repo.cliAsync(['smoke', 'cosmos', '--json']);
    expect(cosmos.code).toBe(0);
    expect(JSON.parse(cosmos.stdout)).toMatchObject({
      status: 'skipped_missing_runtime',
      message: expect.stringContaining(CATALOG.cosmos!.operations!.smoke.baseUrlVar),
    });
    expect(JSON.parse(cosmos.stdout)).toMatchObject(runtime('cosmos').smoke_skip);
  });

  it('runway with a key and the base URL at the replay server writes a valid, sanitized run manifest', async () => {
    repo = copyRepo();
    server = await startReplayServer(
      loadExchanges(REPO, 'runway')
        .filter((e) => e.failure_mode === 'success')
        .flatMap((e) => e.interactions),
    );
    const key = planted.secrets.find((s) => s.kind === 'api-key')!.value;
    const result = await repo.cliAsync(['smoke', 'runway', '--capability', 'generate', '--poll-interval', '1', '--json'], {
      [RUNWAY_KEY]: key,
      [RUNWAY_BASE_URL]: server.origin,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'passed', provider: 'runway', capability: 'generate' });
    const [file] = runManifests(repo.root);
    const manifest = readRunManifest(file!);
    expect(manifest).toMatchObject({
      status: 'passed',
      endpoint: 'loopback',
      runtime_manifest: 'runway:schema-1',
      event_count: 1,
      error_code: null,
    });
    expect(manifest.env_summary).toContainEqual({ name: RUNWAY_KEY, present: true });
    expect(manifest.artifacts).toEqual([expect.objectContaining({ path: 'artifacts/generate.mp4', content_type: 'video/mp4' })]);
    // The artifact URL carried a planted signature and the key was planted: neither is in the outputs.
    const written = allText(join(repo.root, '.worldforge'));
    for (const secret of planted.secrets) expect(written, secret.kind).not.toContain(secret.value);
    expect(written).not.toContain(server.origin);

    // A replay run is a rehearsal: recording it needs --allow-local, and the entry says so.
    const refused = await repo.cliAsync(['smoke', 'record', file!]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('loopback endpoint');
    expect(refused.stderr).toContain('Nothing was written');
    const recorded = await repo.cliAsync(['smoke', 'record', file!, '--allow-local']);
    expect(recorded.code, recorded.stderr).toBe(0);
    const entry = liveSmokeEntrySchema().parse(JSON.parse(repo.read('content/live-smoke/runway-generate.json')));
    expect(entry).toMatchObject({
      status: 'passed',
      endpoint: 'loopback',
      artifact_path: `content/live-smoke/runs/${manifest.run_id}.json`,
    });
    expect(entry.known_limitations[0]).toContain('Rehearsal');
    const check = await repo.cliAsync(['check', '--no-dist']);
    expect(check.stdout).not.toMatch(
      /✖ (live-smoke-schema|live-smoke-coverage|run-manifest-unsafe|secret-scan|live-smoke-endpoint|live-smoke-date) /,
    );
    // A rehearsal backs no claim: the prepared-host claim's known gaps stay open (no ratchet
    // finding), and the claim's finding names the rehearsal.
    expect(check.stdout).not.toMatch(/known-gap-stale/);
    expect(check.stdout).toMatch(/claim-ref-failed[\s\S]*rehearsal \(passed against a loopback endpoint/);

    // Editing the recorded manifest breaks its digest.
    const copy = repo.read(entry.artifact_path!);
    repo.write(entry.artifact_path!, copy.replace('"event_count": 1', '"event_count": 2'));
    const edited = await repo.cliAsync(['check', '--no-dist']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/run-manifest-unsafe +content\/live-smoke\/runway-generate\.json/);
  });

  it('a failing upstream gives exit 1 and a failed manifest with the typed error', async () => {
    repo = copyRepo();
    server = await startReplayServer(loadExchanges(REPO, 'runway').find((e) => e.failure_mode === 'expired-artifact')!.interactions);
    const result = await repo.cliAsync(['smoke', 'runway', '--poll-interval', '1'], {
      [RUNWAY_KEY]: 'any-key-123456',
      [RUNWAY_BASE_URL]: server.origin,
    });
    expect(result.code).toBe(1);
    expect(readRunManifest(runManifests(repo.root)[0]!)).toMatchObject({ status: 'failed', error_code: 'artifact_expired', artifacts: [] });
  });

  it('transfer without --input-video is a usage error; record rejects an unsafe manifest without rewriting it', async () => {
    repo = copyRepo();
    const usage = await repo.cliAsync(['smoke', 'runway', '--capability', 'transfer'], { [RUNWAY_KEY]: 'any-key-123456' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--input-video');

    await repo.cliAsync(['smoke', 'runway']);
    const file = runManifests(repo.root)[0]!;
    const unsafe = readFileSync(file, 'utf8').replace(
      '"command": "npx worldforge smoke runway --capability generate"',
      '"command": "npx worldforge smoke runway --base-url https://api.example.com/v1?token=abc123"',
    );
    repo.write(file.slice(repo.root.length + 1), unsafe);
    const rejected = await repo.cliAsync(['smoke', 'record', file]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/command: unsafe value rejected/);
    expect(rejected.stderr).toContain('Nothing was written');
    expect(readFileSync(file, 'utf8')).toBe(unsafe);

    // A manifest that passes its schema but makes an invalid entry: a clear error, exit 2, nothing written.
    const entryBefore = repo.read('content/live-smoke/runway-generate.json');
    const short = unsafe
      .replace(
        '"command": "npx worldforge smoke runway --base-url https://api.example.com/v1?token=abc123"',
        '"command": "npx worldforge smoke runway"',
      )
      .replace(/"message": "[^"]*"/, '"message": "no key"');
    repo.write(file.slice(repo.root.length + 1), short);
    const invalidEntry = await repo.cliAsync(['smoke', 'record', file]);
    expect(invalidEntry.code).toBe(2);
    expect(invalidEntry.stderr).toMatch(/run_manifest\.json: cannot be recorded\nentry\.skip_reason: .+\nhint: /);
    expect(invalidEntry.stderr).toContain('Nothing was written');
    expect(invalidEntry.stderr).not.toMatch(/ZodError|\n\s+at /);
    expect(repo.read('content/live-smoke/runway-generate.json')).toBe(entryBefore);
    expect(existsSync(join(repo.root, 'content/live-smoke/runs'))).toBe(false);
  });
});

describe('secret-scan', () => {
  it('fails the check when any planted secret is put into an evidence or content file, naming file, line and kind', async () => {
    repo = copyRepo();
    const carriers: { kind: string; carrier: string }[] = JSON.parse(repo.read('fixtures/redaction/planted-secrets.json')).secrets;
    repo.write('content/notes.md', `# Notes\n\n${carriers.map((c) => `- ${c.carrier}`).join('\n')}\n`);
    repo.write('evidence/galleries/providers.md', `${repo.read('evidence/galleries/providers.md')}\n${carriers[0]!.carrier}\n`);
    const result = await repo.cliAsync(['check', '--json']);
    expect(result.code).toBe(1);
    const findings = (
      JSON.parse(result.stdout) as { findings: { rule: string; file: string; line: number; found: string }[] }
    ).findings.filter((f) => f.rule === 'secret-scan');
    const inNotes = findings.filter((f) => f.file === 'content/notes.md').map((f) => `${f.line} ${f.found.split(' ')[0]}`);
    for (const [i, c] of carriers.entries()) expect(inNotes, c.kind).toContain(`${i + 3} ${c.kind}`);
    expect(findings.some((f) => f.file === 'evidence/galleries/providers.md')).toBe(true);
    // Findings show masked previews only.
    for (const c of carriers)
      expect(result.stdout).not.toContain(
        JSON.parse(repo.read('fixtures/redaction/planted-secrets.json')).secrets.find((s: { kind: string }) => s.kind === c.kind).value,
      );
  });
});

describe('run manifest schema', () => {
  const valid = {
    schema: 'worldforge.run-manifest@2',
    run_id: '20261126T120000Z-0123abcd',
    created_at: '2026-11-26T12:00:00Z',
    worldforge_version: '0.1.0',
    command: 'npx worldforge smoke cosmos',
    provider: 'cosmos',
    capability: 'generate',
    status: 'skipped',
    endpoint: 'public',
    runtime_manifest: 'cosmos:schema-1',
    input_digest: `sha256:${'0'.repeat(64)}`,
    result_digest: null,
    event_count: 0,
    artifacts: [],
    env_summary: [{ name: 'COSMOS_BASE_URL', present: false }],
    error_code: null,
    skip_reason: 'missing_runtime',
    message: 'cosmos was not called: COSMOS_BASE_URL is not set.',
  };

  it('accepts a sanitized manifest and rejects each kind of unsafe value with its field', () => {
    expect(runManifestSchema().safeParse(valid).success).toBe(true);
    const cases: [Record<string, unknown>, string][] = [
      [{ message: 'saw Authorization: Bearer abcdefgh12345678' }, 'message'],
      [{ command: 'npx worldforge smoke cosmos --base-url https://u:p@host.example.com' }, 'command'],
      [
        {
          status: 'passed',
          skip_reason: null,
          result_digest: valid.input_digest,
          artifacts: [
            { label: 'output', path: '/home/ada/out.mp4', sha256: valid.input_digest, byte_length: 1, content_type: 'video/mp4' },
          ],
        },
        'artifacts.0.path',
      ],
      [{ env_summary: [{ name: 'NVIDIA_API_KEY', present: true, value: 'nvapi-abcdefghijklmnopqrstuvwxyz' }] }, 'env_summary.0'],
    ];
    for (const [patch, field] of cases) {
      const bad = { ...valid, ...patch };
      expect(() => parseRunManifest(bad, 'm.json'), field).toThrow(RunManifestError);
      try {
        parseRunManifest(bad, 'm.json');
      } catch (error) {
        expect((error as RunManifestError).problems.map((p) => p.path).join(' ')).toContain(field);
        expect((error as Error).message).toContain('hint:');
      }
    }
  });

  it('live-smoke entries: passed needs a run manifest, skips need a reason', () => {
    const entry = {
      provider: 'cosmos',
      capability: 'generate',
      command: 'npx worldforge smoke cosmos',
      runtime_manifest: 'cosmos:schema-1',
      date: '2026-11-26',
      version: '0.1.0',
      known_limitations: [],
      endpoint: null,
    };
    expect(
      liveSmokeEntrySchema().safeParse({ ...entry, status: 'passed', artifact_path: null, artifact_sha256: null, skip_reason: null })
        .success,
    ).toBe(false);
    expect(
      liveSmokeEntrySchema().safeParse({ ...entry, status: 'not_run', artifact_path: null, artifact_sha256: null, skip_reason: null })
        .success,
    ).toBe(false);
    expect(
      liveSmokeEntrySchema().safeParse({
        ...entry,
        status: 'not_run',
        artifact_path: null,
        artifact_sha256: null,
        skip_reason: 'no GPU host available yet',
      }).success,
    ).toBe(true);
  });
});
