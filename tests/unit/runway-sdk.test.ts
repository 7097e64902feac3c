/**
 * The Runway port really goes through `@runwayml/sdk`: against a scripted server on 127.0.0.1 the
 * requests carry the SDK's headers, creates are sent exactly once whatever the answer, reads are
 * retried within the policy, every SDK failure becomes its typed WorldForge error with a message
 * that names the path only, and the shell's RUNWAYML_* variables never shape a request.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isWorldForgeError } from '../../src/worldforge/errors.ts';
import type { RequestPolicy } from '../../src/worldforge/providers/http.ts';
import { REMOTE_DEFAULTS } from '../../src/worldforge/providers/http.ts';
import { RUNWAY_API_VERSION, createRunwaySdkClient } from '../../src/worldforge/providers/runway-client.ts';
import { RunwayProvider, runwayOperations } from '../../src/worldforge/providers/runway.ts';
import { isolateProviderEnv } from '../helpers/provider-env.ts';

isolateProviderEnv(runwayOperations.env.map((v) => v.name));
afterEach(() => {
  vi.restoreAllMocks();
});

const KEY = 'key_wfsdktest000000000000000000000000000000000';
const POLICY: RequestPolicy = {
  ...REMOTE_DEFAULTS,
  timeoutMs: 5_000,
  readAttempts: 3,
  backoffMs: 1,
  pollIntervalMs: 1,
  maxPolls: 5,
  maxArtifactBytes: 1024 * 1024,
};

/** A scripted answer: a status with a body, a request left without any answer, or headers whose body never comes. */
type Reply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hang' | 'stall-body';
interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((done) => server!.close(done));
  server = undefined;
});

/** Answers `METHOD /path` with its replies in order (the last one repeats); records every request. */
async function serve(script: Record<string, Reply[]>): Promise<{ origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const next = new Map<string, number>();
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://127.0.0.1').pathname}`;
      seen.push({ method: req.method ?? '', path: key.split(' ')[1]!, headers: req.headers });
      const replies = script[key] ?? [{ status: 599, json: { error: `unscripted ${key}` } }];
      const n = next.get(key) ?? 0;
      next.set(key, n + 1);
      const reply = replies[Math.min(n, replies.length - 1)]!;
      if (reply === 'hang') return;
      if (reply === 'stall-body') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":');
        return;
      }
      const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
      res.writeHead(reply.status, { ...(reply.json !== undefined ? { 'content-type': 'application/json' } : {}), ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** The typed error a promise rejects with, as `code: message`. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (!isWorldForgeError(error)) return `untyped: ${String(error)}`;
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('127.0.0.1');
    return `${error.code}: ${error.message}`;
  }
}

const fast = { 'retry-after-ms': '0' };
const client = (origin: string, policy: Partial<RequestPolicy> = {}) =>
  createRunwaySdkClient({ apiKey: KEY, baseUrl: origin, policy: { ...POLICY, ...policy } });

describe('runway port over @runwayml/sdk', () => {
  it('sends the SDK headers: bearer key, X-Runway-Version 2024-11-06, the SDK user agent and retry count', async () => {
    const { origin, seen } = await serve({ 'POST /v1/image_to_video': [{ status: 200, json: { id: 't1' } }] });
    expect(
      await client(origin).createTask('image_to_video', {
        model: 'gen4_turbo',
        promptImage: 'https://example.com/a.png',
        ratio: '1280:720',
      }),
    ).toEqual({ id: 't1' });
    expect(seen).toHaveLength(1);
    const { headers } = seen[0]!;
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['x-runway-version']).toBe(RUNWAY_API_VERSION);
    expect(headers['user-agent']).toMatch(/^RunwayML\/JS 4\.\d+\.\d+/);
    expect(headers['x-stainless-retry-count']).toBe('0');
    expect(headers['content-type']).toBe('application/json');
  });

  it('sends a create exactly once when it answers 500, 429 or 503, or times out', async () => {
    for (const status of [500, 429, 503]) {
      const { origin, seen } = await serve({ 'POST /v1/text_to_video': [{ status, json: { error: 'busy' }, headers: fast }] });
      const expected = `provider_error: POST /v1/text_to_video answered HTTP ${status}.`;
      expect(await failure(client(origin).createTask('text_to_video', { promptText: 'x' }))).toBe(expected);
      expect(seen.map((r) => r.path)).toEqual(['/v1/text_to_video']);
      server!.closeAllConnections();
      await new Promise((done) => server!.close(done));
    }
    const { origin, seen } = await serve({ 'POST /v1/video_to_video': ['hang'] });
    expect(await failure(client(origin, { timeoutMs: 200 }).createTask('video_to_video', { videoUri: 'data:video/mp4;base64,AA==' }))).toBe(
      'upstream_timeout: POST /v1/video_to_video timed out after 200 ms (not retried: a repeated create could start a second task).',
    );
    expect(seen).toHaveLength(1);
  });

  it('retries a task read after 429, then returns the task', async () => {
    const task = { id: 't1', status: 'RUNNING', createdAt: '2026-11-26T00:00:00.000Z' };
    const { origin, seen } = await serve({
      'GET /v1/tasks/t1': [
        { status: 429, json: { error: 'slow down' }, headers: fast },
        { status: 200, json: task },
      ],
    });
    expect(await client(origin).retrieveTask('t1')).toEqual(task);
    expect(seen.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
  });

  it('bounds read retries by the policy: readAttempts requests, then retry_exhausted', async () => {
    const { origin, seen } = await serve({
      'GET /v1/tasks/t1': [{ status: 503, json: { error: 'down' }, headers: fast }],
      'GET /v1/organization': [{ status: 502, text: 'bad gateway', headers: fast }],
    });
    expect(await failure(client(origin, { readAttempts: 4 }).retrieveTask('t1'))).toBe(
      'retry_exhausted: GET /v1/tasks/t1 failed on all 4 attempts (last: HTTP 503).',
    );
    expect(seen).toHaveLength(4);
    expect(await failure(client(origin, { readAttempts: 1 }).retrieveOrganization())).toBe(
      'retry_exhausted: GET /v1/organization failed on all 1 attempts (last: HTTP 502).',
    );
    expect(seen).toHaveLength(5);
  });

  it('maps refusals, unknown tasks, redirects and bodies that are not JSON to their typed errors', async () => {
    const { origin, seen } = await serve({
      'POST /v1/text_to_video': [
        { status: 401, json: { error: `Invalid API key ${KEY}` } },
        { status: 200, text: '<html>not json</html>', headers: { 'content-type': 'text/html' } },
      ],
      'GET /v1/organization': [{ status: 403, json: { error: 'forbidden' } }],
      'GET /v1/tasks/gone': [{ status: 404, json: { error: 'Task not found' } }],
      'GET /v1/tasks/moved': [{ status: 302, headers: { location: 'http://169.254.169.254/latest' } }],
      'GET /v1/tasks/bad': [{ status: 200, text: '{"id": "bad", ', headers: { 'content-type': 'application/json' } }],
    });
    const port = client(origin);
    expect(await failure(port.createTask('text_to_video', {}))).toBe(
      'auth_failed: POST /v1/text_to_video answered HTTP 401: the upstream refused the credentials. Check the API key and its organization.',
    );
    expect(await failure(port.createTask('text_to_video', {}))).toBe(
      'malformed_response: POST /v1/text_to_video answered HTTP 200 with a body that is not JSON.',
    );
    expect(await failure(port.retrieveOrganization())).toMatch(/^auth_failed: GET \/v1\/organization answered HTTP 403/);
    expect(await failure(port.retrieveTask('gone'))).toBe(
      'provider_error: GET /v1/tasks/gone answered HTTP 404: the task is unknown upstream (deleted, or created under another key).',
    );
    expect(await failure(port.retrieveTask('moved'))).toBe(
      'provider_error: GET /v1/tasks/moved answered HTTP 302 (a redirect, which is not followed).',
    );
    expect(await failure(port.retrieveTask('bad'))).toBe(
      'malformed_response: GET /v1/tasks/bad answered HTTP 200 with a body that is not JSON.',
    );
    // 4xx refusals are not retried, and the redirect target was never requested.
    expect(seen.map((r) => r.path)).toEqual([
      '/v1/text_to_video',
      '/v1/text_to_video',
      '/v1/organization',
      '/v1/tasks/gone',
      '/v1/tasks/moved',
      '/v1/tasks/bad',
    ]);
  });

  it('maps timeouts and refused connections like the fetch implementation did', async () => {
    const { origin, seen } = await serve({
      'GET /v1/tasks/slow': ['hang'],
      'GET /v1/tasks/stalled': ['stall-body'],
      'POST /v1/text_to_video': ['stall-body'],
    });
    const port = client(origin, { timeoutMs: 150, readAttempts: 2 });
    expect(await failure(port.retrieveTask('slow'))).toBe(
      'retry_exhausted: GET /v1/tasks/slow failed on all 2 attempts (last: timed out after 150 ms).',
    );
    expect(seen.filter((r) => r.path === '/v1/tasks/slow')).toHaveLength(2);
    // The timeout covers the body too: headers followed by silence is a timeout, not a hang.
    expect(await failure(port.retrieveTask('stalled'))).toBe('upstream_timeout: GET /v1/tasks/stalled timed out after 150 ms.');
    expect(await failure(port.createTask('text_to_video', {}))).toBe(
      'upstream_timeout: POST /v1/text_to_video timed out after 150 ms (not retried: a repeated create could start a second task).',
    );

    server!.closeAllConnections();
    await new Promise((done) => server!.close(done));
    server = undefined;
    const closed = client(origin, { readAttempts: 2 });
    expect(await failure(closed.createTask('text_to_video', {}))).toBe(
      'provider_error: POST /v1/text_to_video connection failed (not retried: a repeated create could start a second task).',
    );
    expect(await failure(closed.retrieveTask('t1'))).toBe(
      'retry_exhausted: GET /v1/tasks/t1 failed on all 2 attempts (last: connection failed).',
    );
  });

  it('takes nothing from the shell: RUNWAYML_API_SECRET, _BASE_URL, _CUSTOM_HEADERS and _LOG are ignored', async () => {
    const { origin, seen } = await serve({ 'GET /v1/tasks/t1': [{ status: 200, json: { id: 't1', status: 'PENDING' } }] });
    process.env.RUNWAYML_API_SECRET = 'key_fromtheshell0000000000000000000000000000000';
    process.env.RUNWAYML_BASE_URL = 'http://127.0.0.1:9';
    process.env.RUNWAYML_CUSTOM_HEADERS =
      'X-Leak: 1\nAuthorization: Bearer key_fromtheshell0000000000000000000000000000000\nX-Runway-Version: 1999-01-01';
    process.env.RUNWAYML_LOG = 'debug';
    const logged = ['debug', 'info', 'warn', 'error', 'log'].map((level) => vi.spyOn(console, level as 'log').mockImplementation(() => {}));
    await client(origin).retrieveTask('t1');
    expect(seen).toHaveLength(1);
    const { headers } = seen[0]!;
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers['x-runway-version']).toBe(RUNWAY_API_VERSION);
    expect(headers['x-leak']).toBeUndefined();
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });

  it('declares every variable the SDK reads from the shell, so tests and repo copies clear it', () => {
    const declared = runwayOperations.env.map((v) => v.name);
    expect(declared).toEqual(
      expect.arrayContaining(['RUNWAYML_API_SECRET', 'RUNWAYML_BASE_URL', 'RUNWAYML_LOG', 'RUNWAYML_CUSTOM_HEADERS']),
    );
  });

  it('needs a key, and the adapter reports a missing one as provider_not_configured', async () => {
    expect(
      await failure(Promise.resolve().then(() => createRunwaySdkClient({ apiKey: ' ', baseUrl: 'http://127.0.0.1:9', policy: POLICY }))),
    ).toMatch(/^provider_not_configured: /);
    process.env.RUNWAYML_API_SECRET = 'key_fromtheshell0000000000000000000000000000000';
    expect(
      await failure(new RunwayProvider({ env: {}, baseUrl: 'http://127.0.0.1:9' }).call('generate', { prompt: 'x', duration_seconds: 2 })),
    ).toMatch(/^provider_not_configured: /);
  });

  it('runs a whole generate through the SDK, then downloads the artifact without the key', async () => {
    const script: Record<string, Reply[]> = {
      'POST /v1/text_to_video': [{ status: 200, json: { id: 't9' } }],
      'GET /artifacts/t9.mp4': [{ status: 200, text: 'not really an mp4', headers: { 'content-type': 'video/mp4' } }],
    };
    const { origin, seen } = await serve(script);
    const output = `${origin}/artifacts/t9.mp4?X-Amz-Signature=wfsdksig0123456789&X-Amz-Expires=600`;
    script['GET /v1/tasks/t9'] = [
      { status: 503, json: {}, headers: fast },
      { status: 200, json: { id: 't9', status: 'RUNNING' } },
      { status: 200, json: { id: 't9', status: 'SUCCEEDED', output: [output] } },
    ];
    const result = await new RunwayProvider({ env: {}, apiKey: KEY, baseUrl: origin, policy: POLICY }).call('generate', {
      prompt: 'x',
      duration_seconds: 2,
    });
    expect(result).toMatchObject({ content_type: 'video/mp4', metadata: { task_id: 't9', mode: 'text_to_video' } });
    expect(
      seen.map((r) => `${r.method} ${r.path} ${r.headers['user-agent']?.split(' ')[0]} ${r.headers.authorization ? 'bearer' : 'no-key'}`),
    ).toEqual([
      'POST /v1/text_to_video RunwayML/JS bearer',
      'GET /v1/tasks/t9 RunwayML/JS bearer',
      'GET /v1/tasks/t9 RunwayML/JS bearer',
      'GET /v1/tasks/t9 RunwayML/JS bearer',
      'GET /artifacts/t9.mp4 node no-key',
    ]);
  });
});
