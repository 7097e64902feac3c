/**
 * The replay harness: remote providers run in a checkout against their recorded exchanges,
 * replayed by a server on 127.0.0.1. Suites get providers built with the server's base URL, a fake
 * key and a fast request policy; nothing about the server (its random port, the fake key, any
 * signed query) may reach evidence — messages name URL paths only, and the evidence writer
 * rejects unsafe values anyway.
 */
import { withFakeRuntime } from '../../bridge/suite.ts';
import type { EventSink } from '../../events.ts';
import type { Provider } from '../../providers/base.ts';
import { CATALOG, createProvider } from '../../providers/catalog.ts';
import type { RequestPolicy } from '../../providers/http.ts';
import type { Exchange, Interaction } from '../../replay/exchange.ts';
import { startReplayServer, type ReplayServer } from '../../replay/server.ts';
import { repoExchanges } from './inputs.ts';
import { sourceOf } from './repo.ts';

/**
 * The key replay runs send. It is shaped like a real Runway key on purpose: it is one of the
 * planted secrets (fixtures/redaction/planted-secrets.json) that must never appear in outputs.
 */
export const REPLAY_API_KEY = 'key_wfplantedreplay0000000000000000000000000000';

/** Bounded and fast: 1 ms polls and backoff, so failure modes replay in milliseconds. */
export const REPLAY_POLICY: Partial<RequestPolicy> = {
  timeoutMs: 10_000,
  readAttempts: 3,
  backoffMs: 1,
  pollIntervalMs: 1,
  maxPolls: 10,
  maxArtifactBytes: 1024 * 1024,
};

/** Source files every replayed evidence document depends on. */
export const HARNESS_SOURCES = [sourceOf(import.meta.url), 'src/worldforge/replay/exchange.ts', 'src/worldforge/replay/server.ts'];

/** The recorded exchanges of a provider (empty for in-process providers). */
export const exchangesOf = (name: string): readonly (Exchange & { path: string })[] => (CATALOG[name]?.replay ? repoExchanges(name) : []);

/** Builds a provider against a running replay server. */
export function replayProvider(name: string, server: ReplayServer, events?: EventSink): Provider {
  return createProvider(name, { events, baseUrl: server.origin, apiKey: REPLAY_API_KEY, policy: REPLAY_POLICY, env: {} });
}

/** Runs `fn` with a replay server answering `interactions`, always closing it. */
export async function withReplay<T>(interactions: readonly Interaction[], fn: (server: ReplayServer) => Promise<T>): Promise<T> {
  const server = await startReplayServer(interactions);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** The success exchanges of a provider, whose interactions serve its conformance and fixture calls. */
export const successExchanges = (name: string): (Exchange & { path: string })[] =>
  exchangesOf(name).filter((e) => e.failure_mode === 'success');

/**
 * Runs `fn` with a suite provider: in-process providers as they are, remote ones against a replay
 * of their success exchanges, bridge ones against the fake runtime (bridge/suite.ts). Returns the exchange files used (inputs of the evidence).
 */
export async function withSuiteProvider<T>(
  name: string,
  events: EventSink | undefined,
  fn: (provider: Provider) => Promise<T>,
): Promise<{ value: T; inputs: string[] }> {
  if (CATALOG[name]?.bridge) return withFakeRuntime(name, events, fn);
  if (!CATALOG[name]?.replay) return { value: await fn(createProvider(name, { events })), inputs: [] };
  const exchanges = successExchanges(name);
  const value = await withReplay(
    exchanges.flatMap((e) => e.interactions),
    (server) => fn(replayProvider(name, server, events)),
  );
  return { value, inputs: [...HARNESS_SOURCES, ...exchanges.map((e) => e.path)] };
}

/** Like `withSuiteProvider` for several providers at once. */
export async function withSuiteProviders<T>(
  names: readonly string[],
  events: EventSink | undefined,
  fn: (providers: Provider[]) => Promise<T>,
): Promise<{ value: T; inputs: string[] }> {
  const go = async (rest: readonly string[], built: Provider[], inputs: string[]): Promise<{ value: T; inputs: string[] }> => {
    if (rest.length === 0) return { value: await fn(built), inputs };
    const inner = await withSuiteProvider(rest[0]!, events, (provider) => go(rest.slice(1), [...built, provider], []));
    return { value: inner.value.value, inputs: [...inputs, ...inner.inputs, ...inner.value.inputs] };
  };
  return go(names, [], []);
}
