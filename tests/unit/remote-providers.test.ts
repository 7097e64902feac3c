/**
 * The runway and cosmos adapters against loopback replay servers: every recorded exchange yields
 * its typed error, creates are never retried while reads are, artifacts are checked, and
 * configuration comes from explicit options or the environment (every env var the providers declare
 * is cleared from the shell first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isWorldForgeError } from '../../src/worldforge/errors.ts';
import { EventRecorder } from '../../src/worldforge/events.ts';
import { decodeRequest } from '../../src/worldforge/fixtures/schema.ts';
import { CATALOG, createProvider, PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { CosmosProvider, cosmosOperations } from '../../src/worldforge/providers/cosmos.ts';
import { envNamesFor } from '../../src/worldforge/providers/operations.ts';
import { RunwayProvider, runwayOperations } from '../../src/worldforge/providers/runway.ts';
import type { Interaction } from '../../src/worldforge/replay/exchange.ts';
import { startReplayServer, type ReplayServer } from '../../src/worldforge/replay/server.ts';
import { REPLAY_API_KEY, REPLAY_POLICY, exchangesOf, replayProvider, withReplay } from '../../src/worldforge/evidence/suite/replay.ts';
import { replayExchange } from '../../src/worldforge/kinds/exchanges/suite.ts';
import { isolateProviderEnv } from '../helpers/provider-env.ts';

isolateProviderEnv();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isWorldForgeError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

const generate = { prompt: 'a cube', duration_seconds: 3 };
const json = (
  method: Interaction['method'],
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Interaction => ({ method, path, status, headers, json: body as Interaction['json'] });
const MP4 = Buffer.from('AAAAGGZ0eXBpc29tAAACAGlzb21tcDQyAAAACG1kYXQ=', 'base64').toString('base64');

describe('recorded exchanges', () => {
  /** The artifact failure each adapter has (runway downloads signed URLs; cosmos refuses URLs). */
  const ARTIFACT_MODE: Record<string, string> = { runway: 'expired-artifact', cosmos: 'unsupported-artifact' };
  for (const provider of PROVIDER_NAMES.filter((name) => CATALOG[name]!.replay)) {
    const exchanges = exchangesOf(provider);
    it(`${provider} has a recorded exchange for success and each failure mode`, () => {
      const modes = new Set(exchanges.map((e) => e.failure_mode));
      for (const mode of ['success', 'task-failed', 'unsupported-media-type', 'malformed-response', 'retry-exhaustion', 'auth-failure'])
        expect(modes, mode).toContain(mode);
      expect(modes).toContain(ARTIFACT_MODE[provider]);
    });
    for (const exchange of exchanges) {
      it(`${exchange.id} → ${exchange.expect.ok ? 'schema-valid result' : exchange.expect.error}`, async () => {
        const recorder = new EventRecorder();
        const result = await replayExchange(exchange, recorder);
        expect(result.error_code).toBe(exchange.expect.ok ? null : exchange.expect.error);
        expect(result.status).toBe('passed');
        expect(result.authenticated).toBe(true);
        expect(result.key_sent_to_artifact_host).toBe(false);
        // One event per call, typed on failure, with no URL or timing in it.
        expect(recorder.events).toEqual([
          {
            provider,
            operation: exchange.capability,
            phase: exchange.expect.ok ? 'success' : 'failure',
            ...(exchange.expect.ok ? {} : { error_code: exchange.expect.error }),
          },
        ]);
      });
    }
  }
});

describe('runway adapter', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => server?.close());

  it('sends the bearer key and version header, and never retries a task creation', async () => {
    server = await startReplayServer([json('POST', '/v1/text_to_video', 503, { error: 'busy' }, { 'retry-after-ms': '0' })]);
    expect(await codeOf(replayProvider('runway', server).call('generate', generate))).toBe('provider_error');
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: 'POST', bearer: true, runway_version: '2024-11-06' });
  });

  it('retries reads after a transient 503, then succeeds; polls until SUCCEEDED', async () => {
    const [success] = exchangesOf('runway').filter((e) => e.id === 'runway.generate-success');
    const transient = json('GET', '/v1/tasks/wf-task-generate', 503, {}, { 'retry-after-ms': '0' });
    server = await startReplayServer([transient, ...success!.interactions]);
    const result = await replayProvider('runway', server).call('generate', decodeRequest(success!.request));
    expect(result.content_type).toBe('video/mp4');
    expect(result.metadata).toMatchObject({ task_id: 'wf-task-generate', mode: 'text_to_video' });
    expect(JSON.stringify(result.metadata)).not.toMatch(/Signature|127\.0\.0\.1/);
    expect(server.seen.filter((r) => r.path === '/v1/tasks/wf-task-generate')).toHaveLength(4);
    expect(server.seen.filter((r) => r.path.startsWith('/artifacts/'))).toEqual([expect.objectContaining({ had_query: true })]);
  });

  it('uses image_to_video with a conditioning image, and clamps duration to 2..10', async () => {
    const success = exchangesOf('runway').find((e) => e.id === 'runway.generate-success')!;
    server = await startReplayServer(success.interactions);
    const result = await replayProvider('runway', server).call('generate', {
      prompt: 'x',
      duration_seconds: 40,
      options: { image: 'https://example.com/a.png' },
    });
    expect(result.duration_seconds).toBe(10);
    expect(server.seen[0]!.path).toBe('/v1/image_to_video');
  });

  it('refuses artifacts that are too large, unsafe, redirected or local without opt-in', async () => {
    const task = (url: string) => [
      json('POST', '/v1/text_to_video', 200, { id: 't1' }),
      json('GET', '/v1/tasks/t1', 200, { id: 't1', status: 'SUCCEEDED', output: [url] }),
    ];
    server = await startReplayServer([
      ...task('{{origin}}/big.mp4'),
      {
        method: 'GET',
        path: '/big.mp4',
        status: 200,
        headers: { 'content-type': 'video/mp4', 'content-length': String(2 * 1024 * 1024) },
        body_base64: MP4,
      },
    ]);
    expect(await codeOf(replayProvider('runway', server).call('generate', generate))).toBe('artifact_too_large');
    await server.close();

    server = await startReplayServer(
      task('http://user:pass@{{origin}}/a.mp4'.replace('http://user:pass@{{origin}}', 'http://user:pass@127.0.0.1:9')),
    );
    expect(await codeOf(replayProvider('runway', server).call('generate', generate))).toBe('unsafe_artifact_url');
    await server.close();

    server = await startReplayServer([
      ...task('{{origin}}/moved.mp4'),
      { method: 'GET', path: '/moved.mp4', status: 302, headers: { location: 'http://169.254.169.254/latest' } },
    ]);
    expect(await codeOf(replayProvider('runway', server).call('generate', generate))).toBe('provider_error');
    expect(server.seen.map((r) => r.path)).not.toContain('/latest');
    await server.close();

    server = await startReplayServer(task('{{origin}}/a.mp4'));
    const strict = createProvider('runway', {
      baseUrl: server.origin,
      apiKey: REPLAY_API_KEY,
      policy: REPLAY_POLICY,
      env: {},
      allowLocalArtifacts: false,
    });
    expect(await codeOf(strict.call('generate', generate))).toBe('unsafe_artifact_url');
  });

  it('is not configured without a key; reads the legacy env name; rejects invalid input before any request', async () => {
    expect(await codeOf(new RunwayProvider({ env: {} }).call('generate', generate))).toBe('provider_not_configured');
    server = await startReplayServer([json('POST', '/v1/text_to_video', 401, { error: 'no' })]);
    const { credentialVar, baseUrlVar } = runwayOperations.smoke;
    const [, legacyName] = envNamesFor(runwayOperations, credentialVar);
    const legacy = new RunwayProvider({
      env: { [legacyName!]: 'legacy-key-123456', [baseUrlVar]: server.origin },
      policy: REPLAY_POLICY,
    });
    expect(await codeOf(legacy.call('generate', generate))).toBe('auth_failed');
    expect(server.seen[0]!.bearer).toBe(true);
    expect(await codeOf(legacy.call('generate', { prompt: '', duration_seconds: 1 }))).toBe('invalid_input');
    expect(server.seen).toHaveLength(1);
  });
});

describe('cosmos adapter', () => {
  it('is not configured without COSMOS_BASE_URL and sends no bearer without NVIDIA_API_KEY', async () => {
    expect(await codeOf(new CosmosProvider({ env: {} }).call('generate', generate))).toBe('provider_not_configured');
    const success = exchangesOf('cosmos').find((e) => e.failure_mode === 'success')!;
    await withReplay(success.interactions, async (server) => {
      const result = await new CosmosProvider({ env: { [cosmosOperations.smoke.baseUrlVar]: server.origin }, policy: REPLAY_POLICY }).call(
        'generate',
        {
          prompt: 'x',
          duration_seconds: 2,
          options: { fps: 12 },
        },
      );
      expect(result).toMatchObject({ fps: 12, duration_seconds: 2, content_type: 'video/mp4', resolution: { width: 1280, height: 720 } });
      expect(server.seen.map((r) => r.bearer)).toEqual([false, false]);
    });
  });

  it('rejects sizes that are not multiples of 8 as invalid_input, before any request', async () => {
    await withReplay([], async (server) => {
      expect(
        await codeOf(
          replayProvider('cosmos', server).call('generate', { prompt: 'x', duration_seconds: 1, options: { ratio: '1000:561' } }),
        ),
      ).toBe('invalid_input');
      expect(server.seen).toEqual([]);
    });
  });
});
