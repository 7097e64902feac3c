/**
 * Faults an upstream can inflict on the remote adapters, against scripted servers on 127.0.0.1:
 * retry hints far beyond the policy's timeout (http.ts reads and the Runway SDK's reads), inline
 * video beyond the size cap, and untrusted text (task ids, content types, failure details) that must
 * reach messages only redacted, flattened and short.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isWorldForgeError } from '../../src/worldforge/errors.ts';
import { EventRecorder } from '../../src/worldforge/events.ts';
import { CosmosProvider } from '../../src/worldforge/providers/cosmos.ts';
import {
  REMOTE_DEFAULTS,
  type RequestPolicy,
  readWithRetry,
  retryHintMs,
  retryWaitMs,
  upstreamText,
} from '../../src/worldforge/providers/http.ts';
import { createRunwaySdkClient } from '../../src/worldforge/providers/runway-client.ts';
import { RunwayProvider, runwayOperations } from '../../src/worldforge/providers/runway.ts';
import { findSecrets } from '../../src/worldforge/redaction.ts';
import { isolateProviderEnv } from '../helpers/provider-env.ts';

isolateProviderEnv(runwayOperations.env.map((v) => v.name));

const KEY = 'key_wffaulttest00000000000000000000000000000000';
const POLICY: RequestPolicy = {
  ...REMOTE_DEFAULTS,
  timeoutMs: 300,
  readAttempts: 3,
  backoffMs: 1,
  pollIntervalMs: 1,
  maxPolls: 3,
  maxArtifactBytes: 64 * 1024,
};
const SIGNED = 'https://cdn.example.com/a.mp4?X-Amz-Signature=deadbeefcafe&X-Amz-Credential=AKIAABCDEFGHIJKLMNOP';
const MP4 = Buffer.from('AAAAGGZ0eXBpc29tAAACAGlzb21tcDQyAAAACG1kYXQ=', 'base64');

type Reply = { status: number; body?: string; headers?: Record<string, string> };
let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((done) => server!.close(done));
  server = undefined;
});

/** Answers `METHOD /path` with its replies in order (the last repeats); counts requests per key. */
async function serve(script: Record<string, Reply[]>): Promise<{ origin: string; count: (key: string) => number }> {
  let origin = '';
  const counts = new Map<string, number>();
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://127.0.0.1').pathname}`;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      const replies = script[key] ?? [{ status: 599 }];
      const reply = replies[Math.min(n, replies.length - 1)]!;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end((reply.body ?? '{}').replaceAll('{{origin}}', origin));
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, count: (key) => counts.get(key) ?? 0 };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'ok', message: '' };
  } catch (error) {
    if (!isWorldForgeError(error)) return { code: `untyped: ${String(error)}`, message: '' };
    return { code: error.code, message: error.message };
  }
}

/** Resolves with the promise's outcome and how long it took, in milliseconds. */
async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await promise;
  return [value, performance.now() - started];
}

const HINTS: Record<string, Record<string, string>> = {
  'retry-after-ms: 600000': { 'retry-after-ms': '600000' },
  'Retry-After: 600': { 'retry-after': '600' },
  'Retry-After: <date in 10 minutes>': { 'retry-after': new Date(Date.now() + 600_000).toUTCString() },
};

describe('retry hints are capped by the policy', () => {
  it('reads the hint from retry-after-ms, Retry-After seconds or an HTTP date, and caps the wait at timeoutMs', () => {
    expect(retryHintMs(new Headers({ 'retry-after-ms': '1500' }))).toBe(1500);
    expect(retryHintMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryHintMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }), Date.UTC(2026, 0, 1))).toBe(60_000);
    expect(retryHintMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryHintMs(new Headers())).toBeNull();
    expect(retryWaitMs(600_000, 1, { timeoutMs: 2_000 })).toBe(2_000);
    expect(retryWaitMs(null, 250, { timeoutMs: 2_000 })).toBe(250);
  });

  for (const [label, headers] of Object.entries(HINTS)) {
    it(`http.ts: a read answered 429 with ${label} ends within its attempts and capped waits`, async () => {
      const { origin, count } = await serve({ 'GET /v1/health/ready': [{ status: 429, headers }] });
      const [result, ms] = await timed(failure(readWithRetry('GET', `${origin}/v1/health/ready`, {}, POLICY)));
      expect(result.code).toBe('retry_exhausted');
      expect(count('GET /v1/health/ready')).toBe(3);
      // 3 attempts and 2 waits of at most timeoutMs each, plus slack for a loaded machine.
      expect(ms).toBeLessThan(5 * POLICY.timeoutMs + 1_500);
    });

    it(`Runway SDK: a task read answered 503 with ${label} ends within its attempts and capped waits`, async () => {
      const { origin, count } = await serve({ 'GET /v1/tasks/t1': [{ status: 503, headers }] });
      const client = createRunwaySdkClient({ apiKey: KEY, baseUrl: origin, policy: POLICY });
      const [result, ms] = await timed(failure(client.retrieveTask('t1')));
      expect(result.code).toBe('retry_exhausted');
      expect(count('GET /v1/tasks/t1')).toBe(3);
      expect(ms).toBeLessThan(5 * POLICY.timeoutMs + 1_500);
    });
  }

  it('Runway SDK: a retry hint within the cap is still honoured', async () => {
    const { origin, count } = await serve({
      'GET /v1/tasks/t1': [
        { status: 429, headers: { 'retry-after-ms': '120' } },
        { status: 200, body: JSON.stringify({ id: 't1', status: 'RUNNING' }) },
      ],
    });
    const client = createRunwaySdkClient({ apiKey: KEY, baseUrl: origin, policy: POLICY });
    const [task, ms] = await timed(client.retrieveTask('t1'));
    expect(task).toMatchObject({ status: 'RUNNING' });
    expect(count('GET /v1/tasks/t1')).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(100);
  });
});

describe('cosmos inline video has a size cap', () => {
  const cosmos = (origin: string, policy: Partial<RequestPolicy> = {}) =>
    new CosmosProvider({ baseUrl: origin, env: {}, policy: { ...POLICY, ...policy } });
  const health = { status: 200, body: JSON.stringify({ status: 'ready' }) };

  it('refuses an inline video above the policy cap as artifact_too_large, before decoding', async () => {
    const big = Buffer.concat([MP4, Buffer.alloc(POLICY.maxArtifactBytes)]).toString('base64');
    const { origin } = await serve({
      'GET /v1/health/ready': [health],
      'POST /v1/infer': [{ status: 200, body: JSON.stringify({ b64_video: big }) }],
    });
    const result = await failure(
      cosmos(origin, { maxArtifactBytes: 2 * POLICY.maxArtifactBytes }).call('generate', { prompt: 'x', duration_seconds: 1 }),
    );
    expect(result.code).toBe('ok');
    const refused = await failure(cosmos(origin).call('generate', { prompt: 'x', duration_seconds: 1 }));
    expect(refused).toMatchObject({ code: 'artifact_too_large' });
    expect(refused.message).toMatch(/^POST \/v1\/infer /);
  });

  it('refuses a body far beyond the cap while streaming, whatever its JSON', async () => {
    const { origin } = await serve({
      'GET /v1/health/ready': [health],
      'POST /v1/infer': [{ status: 200, body: `{"b64_video":"${'A'.repeat(4 * POLICY.maxArtifactBytes)}"}` }],
    });
    expect(await failure(cosmos(origin).call('generate', { prompt: 'x', duration_seconds: 1 }))).toMatchObject({
      code: 'artifact_too_large',
    });
  });

  it('quotes a failure detail and status redacted, on one line, and short', async () => {
    const detail = `denied\n::error::forged ${SIGNED} Bearer abcdefghijklmnop ${'x'.repeat(5_000)}`;
    const { origin } = await serve({
      'GET /v1/health/ready': [health],
      'POST /v1/infer': [{ status: 200, body: JSON.stringify({ status: 'failed', detail }) }],
    });
    const events = new EventRecorder();
    const result = await failure(
      new CosmosProvider({ baseUrl: origin, env: {}, policy: POLICY, events: events.sink }).call('generate', {
        prompt: 'x',
        duration_seconds: 1,
      }),
    );
    expect(result.code).toBe('task_failed');
    expect(result.message).not.toContain('\n');
    expect(result.message).not.toContain('deadbeef');
    expect(result.message).not.toContain('abcdefghijklmnop');
    expect(result.message.length).toBeLessThan(400);
    expect(findSecrets(result.message)).toEqual([]);
    expect(JSON.stringify(events.events)).not.toContain('deadbeef');
  });
});

describe('runway treats upstream text as untrusted', () => {
  const runway = (origin: string) =>
    new RunwayProvider({ baseUrl: origin, apiKey: KEY, env: {}, policy: POLICY, allowLocalArtifacts: true });
  const generate = { prompt: 'a cube', duration_seconds: 2 };

  it('refuses a task id that is not a plain identifier, without quoting it', async () => {
    for (const id of [`../organization?${SIGNED}`, 'a\nb', 'x'.repeat(500), SIGNED]) {
      const { origin, count } = await serve({ 'POST /v1/text_to_video': [{ status: 200, body: JSON.stringify({ id }) }] });
      const result = await failure(runway(origin).call('generate', generate));
      expect(result.code, id).toBe('malformed_response');
      expect(result.message).not.toContain('deadbeef');
      expect(count('GET /v1/organization')).toBe(0);
      server!.closeAllConnections();
      await new Promise((done) => server!.close(done));
      server = undefined;
    }
  });

  it('redacts a well-formed id that looks like a key, in messages and in result metadata', async () => {
    const id = 'ghp_abcdefghijklmnopqrstuvwxyz0123';
    const { origin } = await serve({
      'POST /v1/text_to_video': [{ status: 200, body: JSON.stringify({ id }) }],
      [`GET /v1/tasks/${id}`]: [
        { status: 200, body: JSON.stringify({ id, status: 'FAILED', failure: `quota ${SIGNED}`, failureCode: 'X\r\nY' }) },
      ],
    });
    const result = await failure(runway(origin).call('generate', generate));
    expect(result.code).toBe('task_failed');
    expect(result.message).not.toContain(id);
    expect(result.message).not.toContain('deadbeef');
    expect(result.message).not.toMatch(/[\r\n]/);
  });

  it('quotes a non-video content type redacted, on one line and short', async () => {
    const { origin } = await serve({
      'POST /v1/text_to_video': [{ status: 200, body: JSON.stringify({ id: 't1' }) }],
      'GET /v1/tasks/t1': [{ status: 200, body: JSON.stringify({ id: 't1', status: 'SUCCEEDED', output: ['{{origin}}/a.mp4'] }) }],
      'GET /a.mp4': [{ status: 200, body: 'x', headers: { 'content-type': `text/html${'z'.repeat(3_000)}; ${SIGNED}` } }],
    });
    const result = await failure(runway(origin).call('generate', generate));
    expect(result.code).toBe('unsupported_media_type');
    expect(result.message).not.toContain('deadbeef');
    expect(result.message.length).toBeLessThan(300);
  });
});

describe('upstreamText', () => {
  it('flattens control characters, redacts, caps the length and is clean whatever the input', () => {
    expect(upstreamText('a\r\nb\u2028c')).toBe('a b c');
    expect(upstreamText('x'.repeat(1_000))).toBe(`${'x'.repeat(200)}… [truncated, 1000 characters upstream]`);
    expect(upstreamText(`${'y '.repeat(10_000)}${SIGNED}`)).not.toContain('deadbeef');
    for (const text of [SIGNED, `token=${'s'.repeat(40)}`, `Bearer ${'t'.repeat(30)}`, `/home/alice/.ssh/id_rsa ${'q'.repeat(300)}`])
      expect(findSecrets(upstreamText(text)), text).toEqual([]);
  });
});
