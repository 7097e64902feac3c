import { describe, expect, it } from 'vitest';
import { loadBridgeExchanges } from '../../src/worldforge/bridge/exchange.ts';
import { fakeRuntimeLaunch } from '../../src/worldforge/bridge/fake.ts';
import { replayBridgeExchange } from '../../src/worldforge/bridge/replay.ts';
import { EventRecorder } from '../../src/worldforge/events.ts';
import { JepaWmsProvider } from '../../src/worldforge/providers/jepa-wms.ts';
import { JepaProvider } from '../../src/worldforge/providers/jepa.ts';
import { LeRobotProvider } from '../../src/worldforge/providers/lerobot.ts';
import { LeWorldModelProvider } from '../../src/worldforge/providers/leworldmodel.ts';
import { PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { REPO_ROOT } from '../../src/worldforge/evidence/suite/repo.ts';

const LIMITS = { helloTimeoutMs: 3000, requestTimeoutMs: 1000, shutdownGraceMs: 300 };
const SCORE = { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 1]], [[1, 1]], [[0.5, 0.5]]] };

describe('recorded bridge exchanges replay through the fake runtime subprocess', () => {
  for (const provider of ['jepa', 'leworldmodel', 'lerobot']) {
    for (const exchange of loadBridgeExchanges(REPO_ROOT, provider)) {
      const want = exchange.expect.ok ? 'a valid result' : `${exchange.expect.error} (${exchange.expect.failure})`;
      it(`${exchange.id}: ${want}, bounded, no process left`, async () => {
        const outcome = await replayBridgeExchange(exchange);
        expect(outcome, outcome.message).toMatchObject({ matches: true, leftover_runtimes: 0 });
        expect(outcome.elapsed_ms).toBeLessThan(4000);
      });
    }
  }
});

describe('bridge providers', () => {
  it('jepa scores candidates, lowest cost best, with tensor shapes (never values) in events and metadata', async () => {
    const recorder = new EventRecorder();
    const jepa = new JepaProvider({
      env: {},
      launch: fakeRuntimeLaunch(),
      modelName: 'jepa_wm_pusht',
      events: recorder.sink,
      bridge: LIMITS,
    });
    try {
      const result = await jepa.call('score', SCORE);
      expect(result).toMatchObject({ provider: 'jepa', scores: [1, 0, 0.5], best_index: 1, lower_is_better: true });
      expect(result.metadata).toMatchObject({
        model: 'jepa_wm_pusht',
        device: 'cpu',
        protocol_version: 1,
        tensor_shapes: { action_candidates: [3, 1, 2], scores: [3] },
      });
      expect(recorder.events[0]).toMatchObject({ phase: 'success', tensor_shapes: { action_candidates: [3, 1, 2], scores: [3] } });
      // The runtime stays up between calls.
      await jepa.call('score', SCORE);
    } finally {
      await jepa.close();
    }
  });

  it('leworldmodel sends the batched (1, samples, horizon, dim) layout and refuses rank-2 candidates', async () => {
    const lewm = new LeWorldModelProvider({ env: {}, launch: fakeRuntimeLaunch(), modelName: 'pusht/lewm', bridge: LIMITS });
    try {
      const result = await lewm.call('score', SCORE);
      expect(result.metadata).toMatchObject({ tensor_shapes: { action_candidates: [1, 3, 1, 2] } });
      await expect(
        lewm.call('score', {
          info: SCORE.info,
          action_candidates: [
            [0, 1],
            [1, 0],
          ],
        }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
    } finally {
      await lewm.close();
    }
  });

  it('lerobot translates raw chunks into candidate actions, through a host translator when given one', async () => {
    const lerobot = new LeRobotProvider({ env: {}, launch: fakeRuntimeLaunch(), modelName: 'lerobot/diffusion_pusht', bridge: LIMITS });
    const request = { info: { observation: { joint_positions: [0, 0.1] } }, action_horizon: 2 };
    try {
      const result = await lerobot.call('policy', request);
      expect(result.action_candidates).toHaveLength(3);
      expect(result.actions[0]).toEqual({ kind: 'joint_targets', parameters: { values: [0.1, 0.2], step: 0 } });
      expect(result.metadata).toMatchObject({ translator: 'joint_targets', tensor_shapes: { raw_actions: [3, 2, 2] } });
    } finally {
      await lerobot.close();
    }
    const refusing = new LeRobotProvider({
      env: {},
      launch: fakeRuntimeLaunch(),
      modelName: 'm',
      bridge: LIMITS,
      translator: () => {
        throw new Error('unknown embodiment tag fake-arm');
      },
    });
    try {
      await expect(refusing.call('policy', request)).rejects.toMatchObject({
        code: 'invalid_provider_output',
        failure: 'translator_rejected',
      });
    } finally {
      await refusing.close();
    }
  });

  it('reads the model and runtime command from the env (with legacy aliases), never echoing values', async () => {
    const argv = (fakeRuntimeLaunch() as { argv: string[] }).argv.map((a) => `'${a}'`).join(' ');
    const lewm = new LeWorldModelProvider({ env: { LEWM_POLICY: 'pusht/lewm', LEWORLDMODEL_RUNTIME_COMMAND: argv }, bridge: LIMITS });
    expect(lewm.config()).toMatchObject({ model: { source: 'env:LEWM_POLICY' }, launch: { source: 'env:LEWORLDMODEL_RUNTIME_COMMAND' } });
    try {
      expect((await lewm.call('score', SCORE)).scores).toHaveLength(3);
    } finally {
      await lewm.close();
    }
  });

  it('jepa-wms is direct construction only: it scores, and the catalog does not list it', async () => {
    expect(PROVIDER_NAMES).not.toContain('jepa-wms');
    const wms = new JepaWmsProvider({ env: {}, launch: fakeRuntimeLaunch(), modelName: 'jepa_wm_pusht', bridge: LIMITS });
    try {
      expect((await wms.call('score', SCORE)).best_index).toBe(1);
    } finally {
      await wms.close();
    }
  });

  it('health asks the runtime and types each state', async () => {
    const jepa = (o: ConstructorParameters<typeof JepaProvider>[0]) => new JepaProvider({ env: {}, bridge: LIMITS, ...o });
    expect((await jepa({}).health()).state).toBe('missing_model_name');
    expect((await jepa({ modelName: 'm' }).health()).state).toBe('missing_runtime_command');
    expect(await jepa({ modelName: 'm', launch: fakeRuntimeLaunch() }).health()).toMatchObject({
      state: 'ready',
      healthy: true,
      runtime: { name: 'worldforge-fake-runtime', model: 'm' },
    });
    expect((await jepa({ modelName: 'm', launch: fakeRuntimeLaunch({ misbehave: 'missing-model' }) }).health()).state).toBe(
      'missing_model',
    );
    expect((await jepa({ modelName: 'm', launch: fakeRuntimeLaunch({ misbehave: 'exit-early' }) }).health()).state).toBe(
      'unreachable_runtime',
    );
    expect((await jepa({ modelName: 'm', launch: { argv: ['/bin/sh', '-c', 'echo not-a-hello; sleep 5'] } }).health()).state).toBe(
      'malformed_runtime_output',
    );
  });
});
