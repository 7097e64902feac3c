/**
 * The base of every provider behind the runtime bridge (jepa, leworldmodel, lerobot, jepa-wms).
 * It resolves the model name and runtime command (explicit options first, then the env with its
 * legacy aliases), starts the host runtime lazily on the first call, checks its hello against the
 * configured model, and restarts it after a failure. Score and policy results are checked for
 * shape, count and finiteness before the base class validates them against the capability schema.
 * Results, events and manifests carry tensor shapes, never tensor values.
 */
import type { CapabilityRequest, CapabilityResult } from '../capabilities/index.ts';
import { InvalidInputError } from '../errors.ts';
import type { EventSink } from '../events.ts';
import { healthOf, type HealthReport } from '../doctor/model.ts';
import { Provider } from '../providers/base.ts';
import { envNamesFor, type ProviderOperations } from '../providers/operations.ts';
import { envValue } from '../providers/remote.ts';
import { redactText } from '../redaction.ts';
import { BridgeClient, type BridgeClientOptions, type RuntimeLaunch } from './client.ts';
import { BridgeError, isBridgeError } from './errors.ts';
import { actionChunks, bestIndex, rectangular, scoreVector } from './tensors.ts';
import { type ActionTranslator, jointTargetsTranslator, translate } from './translator.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Options every bridge provider takes; suites and tests pass `launch` (the fake runtime) and `env: {}`. */
export interface BridgeProviderOptions {
  events?: EventSink;
  /** Environment to read configuration from (defaults to `process.env`); also the runtime's env. */
  env?: Env;
  /** How to start the runtime, overriding the runtime-command env var. */
  launch?: RuntimeLaunch;
  /** Model name, overriding the model env var. */
  modelName?: string;
  /** Device, overriding the device env var. */
  device?: string;
  /** Bridge timeouts and size cap. */
  bridge?: Pick<BridgeClientOptions, 'helloTimeoutMs' | 'requestTimeoutMs' | 'shutdownGraceMs' | 'maxMessageBytes'>;
  /** Policy providers: the host's action translator (default `jointTargetsTranslator`). */
  translator?: ActionTranslator;
}

/** What a bridge provider declares about its configuration. */
export interface BridgeSpec {
  operations: ProviderOperations;
  /** Env var naming the model (or checkpoint) the runtime serves. */
  modelVar: string;
  /** Env var holding the host runtime command line. */
  commandVar: string;
  /** Env var naming the device, and its default. */
  deviceVar: string;
  defaultDevice: string;
  /** Score candidates layout sent on the wire: as given, or with a leading batch axis of 1. */
  candidateLayout?: 'as-given' | 'batched';
  /** Smallest candidate rank (including the candidate axis) the model accepts. */
  minCandidateRank?: number;
}

/** The resolved configuration, with where each piece came from (for doctor). */
export interface BridgeConfig {
  model: { value?: string; source: string };
  launch: { value?: RuntimeLaunch; source: string };
  device: { value: string; source: string };
}

export abstract class BridgeProvider extends Provider {
  /** How the provider is configured (its model, command and device variables). */
  abstract readonly spec: BridgeSpec;
  readonly #options: BridgeProviderOptions;
  #client: Promise<BridgeClient> | null = null;
  #shapes: Record<string, number[]> = {};

  constructor(options: BridgeProviderOptions = {}) {
    const outer = options.events;
    const holder: { self?: BridgeProvider } = {};
    // Events gain the shapes of the call that produced them (never values).
    super({ events: outer ? (event) => outer({ ...event, tensor_shapes: holder.self ? holder.self.#takeShapes() : {} }) : undefined });
    holder.self = this;
    this.#options = options;
  }

  #takeShapes(): Record<string, number[]> {
    const shapes = this.#shapes;
    this.#shapes = {};
    return shapes;
  }

  get #env(): Env {
    return this.#options.env ?? process.env;
  }

  /** Where the model, runtime command and device come from; never their values in messages. */
  config(): BridgeConfig {
    const { operations, modelVar, commandVar, deviceVar, defaultDevice } = this.spec;
    const fromEnv = (name: string) => {
      for (const candidate of envNamesFor(operations, name)) {
        const value = envValue(this.#env, candidate);
        if (value) return { value, source: `env:${candidate}` };
      }
      return { value: undefined, source: 'unset' };
    };
    const model = this.#options.modelName ? { value: this.#options.modelName, source: 'direct' } : fromEnv(modelVar);
    const command = fromEnv(commandVar);
    const launch = this.#options.launch
      ? { value: this.#options.launch, source: 'direct' }
      : { value: command.value ? { command: command.value } : undefined, source: command.source };
    const device = this.#options.device
      ? { value: this.#options.device, source: 'direct' }
      : (() => {
          const d = fromEnv(deviceVar);
          return d.value ? { value: d.value, source: d.source } : { value: defaultDevice, source: 'default' };
        })();
    return { model, launch, device };
  }

  /** The configured model and launch, or a typed `provider_not_configured`. */
  #required(): { model: string; launch: RuntimeLaunch; device: string } {
    const { model, launch, device } = this.config();
    if (!model.value) {
      throw new BridgeError('missing_model_name', `${this.name} is not configured: ${this.spec.modelVar} (the model to serve) is not set.`);
    }
    if (!launch.value) {
      throw new BridgeError(
        'missing_runtime_command',
        `${this.name} is not configured: ${this.spec.commandVar} (the host runtime command) is not set.`,
      );
    }
    return { model: model.value, launch: launch.value, device: device.value };
  }

  /** The running runtime, started (and its hello checked) on first use or after a failure. */
  async #runtime(): Promise<{ client: BridgeClient; model: string }> {
    const { model, launch, device } = this.#required();
    const current = this.#client ? await this.#client.catch(() => null) : null;
    if (current?.alive) return { client: current, model };
    await current?.close(); // a failed runtime was killed; reap it before starting anew
    const starting = BridgeClient.start({
      launch,
      env: { ...this.#env, WORLDFORGE_BRIDGE_MODEL: model, WORLDFORGE_BRIDGE_DEVICE: device },
      ...this.#options.bridge,
    }).then(async (client) => {
      const served = client.hello.model;
      if (!served?.loaded || served.name !== model) {
        await client.close();
        throw new BridgeError(
          'model_not_loaded',
          served
            ? served.name !== model
              ? `the runtime serves model '${redactText(served.name)}', not the configured '${redactText(model)}'`
              : `the runtime could not load model '${redactText(model)}' (its hello says loaded: false)`
            : 'the runtime was given no model',
        );
      }
      return client;
    });
    this.#client = starting;
    try {
      return { client: await starting, model };
    } catch (error) {
      this.#client = null;
      throw error;
    }
  }

  /** Stops the runtime, if one runs. Safe to call more than once. */
  async close(): Promise<void> {
    const client = this.#client ? await this.#client.catch(() => null) : null;
    this.#client = null;
    await client?.close();
  }

  /** Asks the runtime (never guesses): the typed health state and what its hello said. */
  async health(): Promise<HealthReport> {
    let hello: BridgeClient['hello'] | null = null;
    try {
      const { client } = await this.#runtime();
      hello = client.hello;
      const summary = {
        name: hello.runtime.name,
        version: hello.runtime.version,
        protocol_version: hello.protocol_version,
        device: hello.device,
        model: hello.model?.name ?? null,
      };
      const answer = await client.request('health', {});
      return answer.ready
        ? healthOf('ready', `runtime ${summary.name} ${summary.version} serves ${summary.model} on ${summary.device}`, summary)
        : healthOf('missing_model', `the runtime is up but not ready: ${redactText(answer.detail)}`, summary);
    } catch (error) {
      if (!isBridgeError(error)) throw error;
      const state = (
        {
          missing_model_name: 'missing_model_name',
          missing_runtime_command: 'missing_runtime_command',
          model_not_loaded: 'missing_model',
          malformed_message: 'malformed_runtime_output',
          oversized_message: 'malformed_runtime_output',
        } as const
      )[error.failure as string] as HealthReport['state'] | undefined;
      return healthOf(state ?? 'unreachable_runtime', error.message);
    } finally {
      await this.close();
    }
  }

  /** Calls `score` on the runtime and checks shape, count and finiteness of what it returns. */
  protected async scoreThroughBridge(request: CapabilityRequest<'score'>): Promise<CapabilityResult<'score'>> {
    const candidates = request.action_candidates;
    const inputShape = rectangular(candidates, 'action_candidates');
    const minRank = this.spec.minCandidateRank ?? 1;
    if (inputShape.length < minRank) {
      throw new InvalidInputError(
        `${this.name} needs action_candidates of rank ≥ ${minRank} (candidates, horizon, action_dim); found shape [${inputShape.join(', ')}]`,
      );
    }
    const wire = this.spec.candidateLayout === 'batched' ? [candidates] : candidates;
    const { client, model } = await this.#runtime();
    this.#shapes = { action_candidates: rectangular(wire, 'action_candidates') };
    const result = await client.request('score', { model, info: request.info, action_candidates: wire });
    const { scores, shape } = scoreVector(result.scores, candidates.length);
    this.#shapes.scores = shape;
    if (result.best_index !== undefined && result.best_index >= scores.length) {
      throw new BridgeError(
        'candidate_count_mismatch',
        `the runtime's best_index ${result.best_index} is out of range for ${scores.length} scores`,
      );
    }
    return {
      provider: this.name,
      scores,
      best_index: result.best_index ?? bestIndex(scores, result.lower_is_better),
      lower_is_better: result.lower_is_better,
      metadata: this.#metadata(client, model),
    };
  }

  /** Calls `policy` on the runtime and turns raw actions into actions through the translator. */
  protected async policyThroughBridge(request: CapabilityRequest<'policy'>): Promise<CapabilityResult<'policy'>> {
    const { client, model } = await this.#runtime();
    this.#shapes = {};
    const result = await client.request('policy', {
      model,
      info: request.info,
      ...(request.action_horizon !== undefined ? { action_horizon: request.action_horizon } : {}),
    });
    const { chunks, shape } = actionChunks(result.raw_actions, request.action_horizon);
    this.#shapes.raw_actions = shape;
    const candidates = translate(this.#options.translator ?? jointTargetsTranslator, chunks, {
      provider: this.name,
      model,
      info: request.info,
      ...(result.embodiment_tag ? { embodiment_tag: result.embodiment_tag } : {}),
    });
    return {
      provider: this.name,
      actions: candidates[0]!,
      action_candidates: candidates,
      action_horizon: chunks[0]!.length,
      ...(result.embodiment_tag ? { embodiment_tag: result.embodiment_tag } : {}),
      metadata: { ...this.#metadata(client, model), translator: this.#options.translator ? 'host' : 'joint_targets' },
    };
  }

  #metadata(client: BridgeClient, model: string): Record<string, string | number | Record<string, number[]>> {
    const { runtime, device, protocol_version } = client.hello;
    return {
      runtime: `${runtime.name} ${runtime.version}`,
      protocol_version,
      model,
      device,
      tensor_shapes: { ...this.#shapes },
    };
  }
}
