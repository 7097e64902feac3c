/**
 * The provider a benchmark calls, built exactly as users get it (`createProvider`, whose `call`
 * validates the request, runs the handler, validates the result, emits an event and redacts
 * errors). Remote providers run against a loopback replay of their recorded success exchange for
 * the operation (fixtures/providers/<name>/), never the network; the server's log tells how many
 * retryable answers (408/429/5xx) the adapter had to retry.
 */
import type { Capability } from '../capabilities/index.ts';
import type { EventSink } from '../events.ts';
import { REPLAY_API_KEY, REPLAY_POLICY, HARNESS_SOURCES, successExchanges, withReplay } from '../evidence/suite/replay.ts';
import type { Provider } from '../providers/base.ts';
import { CATALOG, createProvider } from '../providers/catalog.ts';
import type { Interaction } from '../replay/exchange.ts';
import type { SeenRequest } from '../replay/server.ts';

/** Statuses the adapters retry on reads (src/worldforge/providers/http.ts). */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Retryable answers the replay server gave: its queues are replayed over the requests it saw (same
 * rule as the server: per method and path, in order, repeating), so nothing about the adapter is
 * instrumented.
 */
export function retryableAnswers(interactions: readonly Interaction[], seen: readonly SeenRequest[]): number {
  const queues = new Map<string, Interaction[]>();
  for (const i of interactions) queues.set(`${i.method} ${i.path}`, [...(queues.get(`${i.method} ${i.path}`) ?? []), i]);
  const next = new Map<string, number>();
  let count = 0;
  for (const request of seen) {
    const key = `${request.method} ${request.path}`;
    const queue = queues.get(key);
    if (!queue) continue;
    const n = next.get(key) ?? 0;
    next.set(key, n + 1);
    if (RETRYABLE.has(queue[n % queue.length]!.status)) count += 1;
  }
  return count;
}

/** What a benchmark body gets: the provider, and a reader of retries observed so far. */
export interface HarnessProvider {
  provider: Provider;
  retries: () => number;
}

/** Repository files a provider's benchmark depends on besides the provider sources (replay harness, exchanges). */
export function harnessInputs(name: string, operation: Capability): string[] {
  if (!CATALOG[name]?.replay) return [];
  return [
    ...HARNESS_SOURCES,
    ...successExchanges(name)
      .filter((e) => e.capability === operation)
      .map((e) => e.path),
  ];
}

/** Runs `fn` with the provider of one target; remote ones against a replay server that is always closed. */
export async function withBenchmarkProvider<T>(
  name: string,
  operation: Capability,
  events: EventSink,
  env: Readonly<Record<string, string | undefined>>,
  fn: (harness: HarnessProvider) => Promise<T>,
): Promise<T> {
  if (!CATALOG[name]?.replay) return fn({ provider: createProvider(name, { events, env }), retries: () => 0 });
  const interactions = successExchanges(name)
    .filter((e) => e.capability === operation)
    .flatMap((e) => e.interactions);
  return withReplay(interactions, (server) =>
    fn({
      provider: createProvider(name, { events, baseUrl: server.origin, apiKey: REPLAY_API_KEY, policy: REPLAY_POLICY, env: {} }),
      retries: () => retryableAnswers(interactions, server.seen),
    }),
  );
}
