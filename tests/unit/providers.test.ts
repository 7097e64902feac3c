import { describe, expect, it } from 'vitest';
import { CAPABILITIES, capabilityContracts } from '../../src/worldforge/capabilities/index.ts';
import { InvalidInputError, ProviderError, UnsupportedCapabilityError, WorldForgeError } from '../../src/worldforge/errors.ts';
import { EventRecorder } from '../../src/worldforge/events.ts';
import { Provider, type CapabilityHandlers } from '../../src/worldforge/providers/base.ts';
import { catalogProfiles, createProvider, PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { digestOf } from '../../src/worldforge/digest.ts';
import { conformanceRequests as loadRequests } from '../../src/worldforge/kinds/conformance/requests.ts';

const conformanceRequests = loadRequests();

const scene = { objects: [{ id: 'cube', position: { x: 0, y: 0, z: 0 } }] };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof WorldForgeError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('mock provider', () => {
  const mock = createProvider('mock');

  it('returns schema-valid results for every advertised capability', async () => {
    for (const capability of mock.profile.capabilities) {
      const result = await mock.call(capability, conformanceRequests[capability].valid);
      expect(capabilityContracts[capability].result.safeParse(result).success, capability).toBe(true);
    }
  });

  it('is deterministic: identical requests give identical digests, different prompts differ', async () => {
    const a = await mock.call('generate', { prompt: 'a cube', duration_seconds: 1 });
    const b = await mock.call('generate', { prompt: 'a cube', duration_seconds: 1 });
    const c = await mock.call('generate', { prompt: 'a ball', duration_seconds: 1 });
    expect(digestOf(a)).toBe(digestOf(b));
    expect(digestOf(a)).not.toBe(digestOf(c));
  });

  it('moves the named object on move_to and leaves others alone', async () => {
    const result = await mock.call('predict', {
      world_state: { objects: [...scene.objects, { id: 'ball', position: { x: 1, y: 1, z: 1 } }] },
      action: { kind: 'move_to', parameters: { object_id: 'ball', target: { x: 5, y: 0, z: 0 } } },
      steps: 3,
    });
    expect(result.state.objects.find((o) => o.id === 'ball')?.position).toEqual({ x: 5, y: 0, z: 0 });
    expect(result.state.objects.find((o) => o.id === 'cube')?.position).toEqual({ x: 0, y: 0, z: 0 });
    expect(result.state.step).toBe(3);
    expect(result.metadata.effect).toBe('moved ball');
  });

  it('embeds into a finite 32-dimensional vector', async () => {
    const result = await mock.call('embed', { text: 'hello' });
    expect(result.vector).toHaveLength(32);
    expect(result.vector.every(Number.isFinite)).toBe(true);
    expect(result.shape).toEqual([32]);
  });

  it('rejects invalid input with a typed error naming the field', async () => {
    const error = await mock.call('generate', { prompt: 'x', duration_seconds: Number.NaN }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i: { path: string }) => i.path)).toContain('duration_seconds');
  });

  it('fails closed on capabilities it does not advertise', async () => {
    expect(await codeOf(mock.call('score', conformanceRequests.score.valid))).toBe('unsupported_capability');
    expect(await codeOf(mock.call('policy', conformanceRequests.policy.valid))).toBe('unsupported_capability');
  });
});

describe('genie reservation', () => {
  it('advertises nothing and fails closed on all 7 capabilities with UnsupportedCapabilityError', async () => {
    const genie = createProvider('genie');
    expect(genie.profile.capabilities).toEqual([]);
    for (const capability of CAPABILITIES) {
      const error = await genie.call(capability, conformanceRequests[capability].valid).catch((e) => e);
      expect(error, capability).toBeInstanceOf(UnsupportedCapabilityError);
    }
  });
});

describe('provider base', () => {
  class Broken extends Provider {
    readonly profile = {
      ...createProvider('mock').profile,
      name: 'broken',
      capabilities: ['embed', 'reason'] as const satisfies readonly string[],
    } as never;
    protected readonly handlers: CapabilityHandlers = {
      // Returns a NaN inside the vector: must never reach a caller.
      embed: () => ({ provider: 'broken', model: 'm', vector: [Number.NaN], shape: [1] }),
    };
  }

  it('turns an invalid provider result into invalid_provider_output', async () => {
    const error = await new Broken().call('embed', { text: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('invalid_provider_output');
  });

  it('fails closed when a capability is advertised without an implementation', async () => {
    expect(await codeOf(new Broken().call('reason', { query: 'q' }))).toBe('provider_error');
  });

  it('rejects unknown capabilities as caller input errors', async () => {
    expect(await codeOf(new Broken().call('plan' as never, {}))).toBe('invalid_input');
  });

  it('emits one event per call, success or failure, with the typed error code', async () => {
    const recorder = new EventRecorder();
    const mock = createProvider('mock', { events: recorder.sink });
    await mock.call('embed', { text: 'a' });
    await mock.call('score', {}).catch(() => undefined);
    expect(recorder.events).toEqual([
      { provider: 'mock', operation: 'embed', phase: 'success' },
      { provider: 'mock', operation: 'score', phase: 'failure', error_code: 'unsupported_capability' },
    ]);
  });
});

describe('catalog', () => {
  it('lists providers in upstream order (restricted to those that exist) with schema-valid profiles', () => {
    const upstreamOrder = ['mock', 'cosmos', 'runway', 'leworldmodel', 'lerobot', 'jepa', 'genie'];
    expect(PROVIDER_NAMES).toEqual(upstreamOrder);
    expect(catalogProfiles().map((p) => p.name)).toEqual(upstreamOrder);
  });
});
