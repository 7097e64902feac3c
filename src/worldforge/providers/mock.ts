/**
 * `mock`: a deterministic, in-process reference provider. It exists so contracts, suites and the
 * site can be exercised in any checkout with no network, credentials or model weights. Its
 * outputs are derived from request digests; they say nothing about any real world model.
 */
import { createHash } from 'node:crypto';
import type { CapabilityRequest, CapabilityResult } from '../capabilities/index.ts';
import type { WorldState } from '../capabilities/common.ts';
import { Provider, type CapabilityHandlers } from './base.ts';
import type { ProviderProfile } from './profile.ts';

export const mockProfile: ProviderProfile = {
  name: 'mock',
  capabilities: ['predict', 'generate', 'transfer', 'reason', 'embed'],
  maturity: 'stable',
  runtime_ownership: 'checkout-safe',
  deterministic: true,
  required_env_vars: [],
  description: 'Deterministic in-process reference provider for contracts, fixtures and docs; not a world model.',
};

const MOCK_FPS = 8;
const MOCK_RESOLUTION = { width: 640, height: 360 } as const;
const MAX_FRAMES = 48;
const EMBEDDING_DIM = 32;

/** Deterministic pseudo-random bytes: a sha256 chain seeded by `seed`. */
function bytesFrom(seed: string, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < length; i += 1) {
    if (i > 0 && i % block.length === 0) block = createHash('sha256').update(block).digest();
    out[i] = block[i % block.length] ?? 0;
  }
  return out;
}

function frames(seed: string, count: number): Uint8Array<ArrayBuffer>[] {
  return Array.from({ length: count }, (_, i) => bytesFrom(`${seed}#${i}`, 64));
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

function readTarget(parameters: Record<string, unknown>): { x: number; y: number; z: number } | null {
  const target = parameters.target as Record<string, unknown> | undefined;
  if (!target || typeof target !== 'object') return null;
  const { x, y, z } = target;
  return typeof x === 'number' && typeof y === 'number' && typeof z === 'number' ? { x, y, z } : null;
}

function applyAction(state: WorldState, request: CapabilityRequest<'predict'>): { state: WorldState; effect: string } {
  const next: WorldState = structuredClone(state);
  next.step = state.step + request.steps;
  const { kind, parameters } = request.action;
  if (kind === 'move_to') {
    const target = readTarget(parameters);
    const id = typeof parameters.object_id === 'string' ? parameters.object_id : next.objects[0]?.id;
    const object = next.objects.find((o) => o.id === id);
    if (target && object) {
      object.position = target;
      return { state: next, effect: `moved ${object.id}` };
    }
  }
  if (kind === 'spawn_object' && typeof parameters.id === 'string' && !next.objects.some((o) => o.id === parameters.id)) {
    next.objects.push({ id: parameters.id, position: readTarget(parameters) ?? { x: 0, y: 0, z: 0 }, attributes: {} });
    return { state: next, effect: `spawned ${parameters.id}` };
  }
  return { state: next, effect: 'noop' };
}

export class MockProvider extends Provider {
  readonly profile = mockProfile;

  protected readonly handlers: CapabilityHandlers = {
    predict: (request): CapabilityResult<'predict'> => {
      const { state, effect } = applyAction(request.world_state, request);
      const physics = round6(clamp(0.7 + 0.02 * state.objects.length, 0.6, 0.98));
      return {
        provider: this.name,
        state,
        confidence: round6(clamp(physics - 0.03, 0.6, 1)),
        physics_score: physics,
        metadata: { effect, model: 'mock-deterministic-v1' },
      };
    },
    generate: (request): CapabilityResult<'generate'> => {
      const fps = request.options.fps ?? MOCK_FPS;
      const count = clamp(Math.round(request.duration_seconds * fps), 1, MAX_FRAMES);
      return {
        frames: frames(`generate:${request.prompt}:${request.options.seed ?? 0}`, count),
        fps,
        resolution: { ...MOCK_RESOLUTION },
        duration_seconds: round6(count / fps),
        content_type: 'application/x-worldforge-mock-frames',
        metadata: { provider: this.name, model: 'mock-video-v1', mode: 'text_to_video' },
      };
    },
    transfer: (request): CapabilityResult<'transfer'> => {
      const source = createHash('sha256');
      for (const frame of request.clip.frames) source.update(frame);
      const seed = `transfer:${source.digest('hex')}:${request.prompt}:${request.width}x${request.height}@${request.fps}`;
      const count = clamp(Math.round(request.clip.duration_seconds * request.fps), 1, MAX_FRAMES);
      return {
        frames: frames(seed, count),
        fps: request.fps,
        resolution: { width: request.width, height: request.height },
        duration_seconds: round6(count / request.fps),
        content_type: 'application/x-worldforge-mock-frames',
        metadata: { provider: this.name, model: 'mock-video-v1', mode: 'video_to_video', source_frame_count: request.clip.frames.length },
      };
    },
    reason: (request): CapabilityResult<'reason'> => {
      const objects = request.world_state?.objects;
      if (!objects) {
        return {
          provider: this.name,
          answer: 'No world state was supplied, so the mock can only say it has nothing to observe.',
          confidence: 0.5,
          evidence: [],
        };
      }
      const ids = objects.map((o) => o.id).sort();
      return {
        provider: this.name,
        answer: `The scene holds ${ids.length} object${ids.length === 1 ? '' : 's'}${ids.length ? `: ${ids.join(', ')}` : ''}.`,
        confidence: 0.8,
        evidence: ids.map((id) => `observed object id ${id}`),
      };
    },
    embed: (request): CapabilityResult<'embed'> => {
      const bytes = bytesFrom(`embed:${request.text}`, EMBEDDING_DIM);
      const vector = Array.from(bytes, (b) => round6(b / 127.5 - 1));
      return { provider: this.name, model: 'mock-embedding-v1', vector, shape: [vector.length] };
    },
  };
}
