/**
 * Replays a recorded bridge exchange: builds the provider against the fake runtime told to
 * misbehave as the exchange says (or with the missing prerequisite left out), makes the call, and
 * reports the outcome and whether any runtime process is left. Used by the tests and available to
 * any suite that wants the failure modes as evidence.
 */
import { digestOf } from '../digest.ts';
import { isWorldForgeError } from '../errors.ts';
import { EventRecorder } from '../events.ts';
import { decodeRequest } from '../fixtures/schema.ts';
import { CATALOG, createProvider } from '../providers/catalog.ts';
import { liveRuntimeCount } from './client.ts';
import { isBridgeError } from './errors.ts';
import type { BridgeExchange } from './exchange.ts';
import { type FakeMisbehaviour, fakeRuntimeLaunch } from './fake.ts';
import { BridgeProvider } from './provider.ts';
import { SUITE_BRIDGE_LIMITS } from './suite.ts';

export interface BridgeReplayOutcome {
  ok: boolean;
  error_code: string | null;
  failure: string | null;
  message: string;
  result_digest: string | null;
  /** Whether the outcome is what the exchange expects. */
  matches: boolean;
  /** Runtimes still running after the provider was closed (must be 0). */
  leftover_runtimes: number;
  /** Tensor shapes the provider's events reported. */
  tensor_shapes: Record<string, number[]>[];
  elapsed_ms: number;
}

/** Short limits so a hang replays in under a second. */
export const REPLAY_BRIDGE_LIMITS = { ...SUITE_BRIDGE_LIMITS, helloTimeoutMs: 1_500, requestTimeoutMs: 600, shutdownGraceMs: 300 } as const;

export async function replayBridgeExchange(exchange: BridgeExchange): Promise<BridgeReplayOutcome> {
  const manifest = CATALOG[exchange.provider]?.runtime;
  if (!manifest) throw new Error(`${exchange.provider} is not a catalog bridge provider`);
  const mode = exchange.failure_mode;
  const misbehave = (['success', 'missing-runtime-command', 'missing-model-name'].includes(mode) ? undefined : mode) as
    | FakeMisbehaviour
    | undefined;
  const recorder = new EventRecorder();
  const provider = createProvider(exchange.provider, {
    events: recorder.sink,
    env: {},
    ...(mode === 'missing-runtime-command' ? {} : { launch: fakeRuntimeLaunch({ misbehave }) }),
    ...(mode === 'missing-model-name' ? {} : { modelName: manifest.default_model }),
    bridge: REPLAY_BRIDGE_LIMITS,
  });
  const started = performance.now();
  let outcome: Omit<BridgeReplayOutcome, 'matches' | 'leftover_runtimes' | 'tensor_shapes' | 'elapsed_ms'>;
  try {
    const result = await provider.call(exchange.capability, decodeRequest(exchange.request));
    outcome = { ok: true, error_code: null, failure: null, message: 'result validated', result_digest: digestOf(result) };
  } catch (error) {
    if (!isWorldForgeError(error)) throw error;
    outcome = {
      ok: false,
      error_code: error.code,
      failure: isBridgeError(error) ? error.failure : null,
      message: error.message,
      result_digest: null,
    };
  } finally {
    if (provider instanceof BridgeProvider) await provider.close();
  }
  const expect = exchange.expect;
  const matches = expect.ok ? outcome.ok : !outcome.ok && outcome.error_code === expect.error && outcome.failure === expect.failure;
  return {
    ...outcome,
    matches,
    leftover_runtimes: liveRuntimeCount(),
    tensor_shapes: recorder.events.map((e) => e.tensor_shapes ?? {}),
    elapsed_ms: performance.now() - started,
  };
}
