/**
 * A small WorldForge service host on node:http (a recipe, not part of the package).
 *
 *   GET  /healthz   200 while the process is up (liveness)
 *   GET  /readyz    200 once a warm-up call through each provider succeeded, else 503 with the typed error code
 *   POST /score     body = a score request  → the score result
 *   POST /generate  body = a generate request → the clip's metadata (bytes stay on the host)
 *
 * Logs are JSON lines on stdout: one per request (method, route, status, duration) and one per
 * provider event (bounded labels only, via the WorldForge JSON logger sink). Configuration:
 * PORT (0 = any free port), HOST (default 127.0.0.1), WORLDFORGE_GENERATE_PROVIDER (default mock),
 * WORLDFORGE_SCORE_PROVIDER (default jepa), WORLDFORGE_SCORE_RUNTIME (host | fake, default host).
 * SIGTERM/SIGINT close the server and the score runtime, then exit 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeProvider, fakeRuntimeProvider } from '../../src/worldforge/bridge/suite.ts';
import { isWorldForgeError } from '../../src/worldforge/errors.ts';
import { fanOut, jsonLoggerSink, openTelemetrySink } from '../../src/worldforge/observability/sinks.ts';
import type { Provider } from '../../src/worldforge/providers/base.ts';
import { createProvider } from '../../src/worldforge/providers/catalog.ts';
import { redactText } from '../../src/worldforge/redaction.ts';

const MAX_BODY_BYTES = 1_000_000;
const log = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);

export interface ServiceHostOptions {
  port: number;
  host: string;
  generateProvider: string;
  scoreProvider: string;
  scoreRuntime: 'host' | 'fake';
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceHostOptions {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    generateProvider: env.WORLDFORGE_GENERATE_PROVIDER ?? 'mock',
    scoreProvider: env.WORLDFORGE_SCORE_PROVIDER ?? 'jepa',
    scoreRuntime: env.WORLDFORGE_SCORE_RUNTIME === 'fake' ? 'fake' : 'host',
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('body is not valid JSON'), { status: 400 });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify(body));
}

/** Typed errors map to HTTP: caller errors 400, unsupported 501, provider failures 502. */
function errorStatus(error: unknown): { status: number; body: { error: string; message: string } } {
  if (isWorldForgeError(error)) {
    const status = error.family === 'caller' ? 400 : error.family === 'unsupported' ? 501 : 502;
    return { status, body: { error: error.code, message: redactText(error.message) } };
  }
  const status = (error as { status?: number }).status ?? 500;
  return { status, body: { error: status === 500 ? 'internal' : 'bad_request', message: redactText((error as Error).message) } };
}

export interface ServiceHost {
  origin: string;
  close(): Promise<void>;
}

export async function startServiceHost(options: ServiceHostOptions): Promise<ServiceHost> {
  const events = fanOut(
    jsonLoggerSink((line) => process.stdout.write(line)),
    openTelemetrySink(),
  );
  const generate: Provider = createProvider(options.generateProvider, { events });
  const score: Provider =
    options.scoreRuntime === 'fake'
      ? fakeRuntimeProvider(options.scoreProvider, events)
      : createProvider(options.scoreProvider, { events });
  let readiness: { ready: boolean; detail: Record<string, string> } = { ready: false, detail: { state: 'warming up' } };

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://host').pathname}`;
    let status = 500;
    const reply = (code: number, body: unknown) => {
      status = code;
      send(res, code, body);
    };
    try {
      if (route === 'GET /healthz') reply(200, { status: 'ok' });
      else if (route === 'GET /readyz') reply(readiness.ready ? 200 : 503, readiness);
      else if (route === 'POST /score') reply(200, await score.call('score', await readJson(req)));
      else if (route === 'POST /generate') {
        const clip = (await generate.call('generate', await readJson(req))) as { frames: Uint8Array[] } & Record<string, unknown>;
        const { frames, ...metadata } = clip;
        reply(200, { ...metadata, frame_count: frames.length, bytes: frames.reduce((n, f) => n + f.byteLength, 0) });
      } else reply(404, { error: 'not_found', message: `no route ${route}` });
    } catch (error) {
      const mapped = errorStatus(error);
      reply(mapped.status, mapped.body);
    } finally {
      log({ level: status >= 500 ? 'error' : 'info', msg: 'request', route, status, duration_ms: Math.round(performance.now() - started) });
    }
  });
  await new Promise<void>((done) => server.listen(options.port, options.host, done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host}:${port}`;
  log({ level: 'info', msg: 'listening', origin, generate: generate.name, score: score.name, score_runtime: options.scoreRuntime });

  // Warm-up: one real call through each provider decides readiness (starts the score runtime).
  void (async () => {
    try {
      await generate.call('generate', { prompt: 'readiness probe', duration_seconds: 1 });
      await score.call('score', { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 0]], [[1, 1]]] });
      readiness = { ready: true, detail: { generate: generate.name, score: score.name } };
    } catch (error) {
      readiness = { ready: false, detail: { error: isWorldForgeError(error) ? error.code : 'internal' } };
    }
    log({ level: readiness.ready ? 'info' : 'warn', msg: 'readiness', ...readiness });
  })();

  return {
    origin,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await closeProvider(score);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = await startServiceHost(optionsFromEnv());
  const stop = async () => {
    await host.close();
    log({ level: 'info', msg: 'stopped' });
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
