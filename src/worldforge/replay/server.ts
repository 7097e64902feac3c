/**
 * A loopback replay server for recorded exchanges. It listens on 127.0.0.1 with a random port,
 * answers each request with the next scripted response for its method and path (queues repeat
 * when exhausted, so one script serves any number of sequential calls), and records what it saw
 * so tests can assert headers without ever storing their values.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Interaction } from './exchange.ts';

export interface SeenRequest {
  method: string;
  /** URL path, without query. */
  path: string;
  /** Whether a query string was present (its value is never kept). */
  had_query: boolean;
  /** Whether an `Authorization: Bearer …` header was present (its value is never kept). */
  bearer: boolean;
  /** `x-runway-version` header, when sent. */
  runway_version: string | null;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Requests seen, in order. */
  seen: SeenRequest[];
  /** `METHOD /path` of requests that matched no interaction (answered 501). */
  misses: string[];
  close(): Promise<void>;
}

const substitute = (value: unknown, origin: string): unknown => {
  if (typeof value === 'string') return value.replaceAll('{{origin}}', origin);
  if (Array.isArray(value)) return value.map((v) => substitute(v, origin));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, origin)]));
  return value;
};

function answer(res: ServerResponse, interaction: Interaction, origin: string): void {
  // No keep-alive: a client process (the CLI under test) must not wait for idle sockets to time out.
  const headers: Record<string, string> = { ...interaction.headers, connection: 'close' };
  let body: string | Buffer = '';
  if (interaction.json !== undefined) {
    body = JSON.stringify(substitute(interaction.json, origin));
    headers['content-type'] ??= 'application/json';
  } else if (interaction.body_base64 !== undefined) {
    body = Buffer.from(interaction.body_base64, 'base64');
  } else if (interaction.text !== undefined) {
    body = interaction.text;
  }
  res.writeHead(interaction.status, headers);
  res.end(body);
}

export async function startReplayServer(interactions: readonly Interaction[]): Promise<ReplayServer> {
  const queues = new Map<string, { items: Interaction[]; next: number }>();
  for (const interaction of interactions) {
    const key = `${interaction.method} ${interaction.path}`;
    const queue = queues.get(key) ?? { items: [], next: 0 };
    queue.items.push(interaction);
    queues.set(key, queue);
  }
  const seen: SeenRequest[] = [];
  const misses: string[] = [];
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume(); // drain the body; matching never looks at it
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      seen.push({
        method,
        path: url.pathname,
        had_query: url.search !== '',
        bearer: /^Bearer \S+$/.test(req.headers.authorization ?? ''),
        runway_version: typeof req.headers['x-runway-version'] === 'string' ? req.headers['x-runway-version'] : null,
      });
      const queue = queues.get(`${method} ${url.pathname}`);
      if (!queue) {
        misses.push(`${method} ${url.pathname}`);
        res.writeHead(501, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ error: `replay: no recorded response for ${method} ${url.pathname}` }));
        return;
      }
      const interaction = queue.items[queue.next % queue.items.length]!;
      queue.next += 1;
      answer(res, interaction, origin);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    misses,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
