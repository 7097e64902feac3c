/**
 * Bridge providers in the suites: built against the deterministic fake runtime (a real Node
 * subprocess speaking the bridge) with the manifest's default model, an empty env and short
 * timeouts, and always closed afterwards so no runtime outlives its suite.
 */
import type { EventSink } from '../events.ts';
import type { Provider } from '../providers/base.ts';
import { CATALOG, createProvider } from '../providers/catalog.ts';
import { FAKE_RUNTIME_SOURCE, fakeRuntimeLaunch } from './fake.ts';
import { BridgeProvider } from './provider.ts';

/** Bounded: a misbehaving fake runtime fails a suite in seconds, not minutes. */
export const SUITE_BRIDGE_LIMITS = { helloTimeoutMs: 10_000, requestTimeoutMs: 10_000, shutdownGraceMs: 1_000 } as const;

/** Sources every evidence document produced through the fake runtime depends on. */
export const FAKE_RUNTIME_SOURCES = [
  FAKE_RUNTIME_SOURCE,
  'src/worldforge/bridge/fake-modes.mjs',
  'src/worldforge/bridge/fake.ts',
  'src/worldforge/bridge/suite.ts',
];

/** A catalog bridge provider wired to the fake runtime. */
export function fakeRuntimeProvider(name: string, events?: EventSink): Provider {
  const manifest = CATALOG[name]?.runtime;
  if (!CATALOG[name]?.bridge || !manifest) throw new Error(`${name} is not a bridge provider`);
  return createProvider(name, {
    events,
    env: {},
    launch: fakeRuntimeLaunch(),
    modelName: manifest.default_model,
    bridge: SUITE_BRIDGE_LIMITS,
  });
}

/** Closes the runtime of a bridge provider (no-op for others). */
export async function closeProvider(provider: Provider): Promise<void> {
  if (provider instanceof BridgeProvider) await provider.close();
}

/** Runs `fn` with a bridge provider on the fake runtime, always stopping the runtime. */
export async function withFakeRuntime<T>(
  name: string,
  events: EventSink | undefined,
  fn: (provider: Provider) => Promise<T>,
): Promise<{ value: T; inputs: string[] }> {
  const provider = fakeRuntimeProvider(name, events);
  try {
    return { value: await fn(provider), inputs: FAKE_RUNTIME_SOURCES };
  } finally {
    await closeProvider(provider);
  }
}
