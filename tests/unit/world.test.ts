import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProvider, fakeRuntimeProvider } from '../../src/worldforge/bridge/suite.ts';
import { liveRuntimeCount } from '../../src/worldforge/bridge/client.ts';
import type { Provider } from '../../src/worldforge/providers/base.ts';
import { createProvider } from '../../src/worldforge/providers/catalog.ts';
import { plan } from '../../src/worldforge/world/plan.ts';
import { newWorld, worldStateOf } from '../../src/worldforge/world/schema.ts';
import { WorldStateError, WorldStore } from '../../src/worldforge/world/store.ts';
import { REPO } from '../helpers/repo-copy.ts';

const tempStore = () => new WorldStore(mkdtempSync(join(tmpdir(), 'wf-worlds-')));
const lab = () =>
  newWorld('lab', 'Lab', [
    { id: 'cube', position: { x: 0, y: 0, z: 0 }, bbox: { min: { x: -0.1, y: -0.1, z: -0.1 }, max: { x: 0.1, y: 0.1, z: 0.1 } } },
    { id: 'ball', position: { x: 1, y: 0, z: 0 } },
  ]);

describe('world store', () => {
  it('round-trips a world, lists it, refuses to overwrite it', () => {
    const store = tempStore();
    store.create(lab());
    expect(store.list()).toEqual(['lab']);
    expect(store.load('lab')).toEqual(lab());
    expect(() => store.create(lab())).toThrow(WorldStateError);
  });

  it('refuses ids that are not file-safe and reports malformed state by file and field', () => {
    const store = tempStore();
    for (const id of ['../up', 'Upper', 'a/b', '', '.hidden']) expect(() => store.pathOf(id), id).toThrow(WorldStateError);
    writeFileSync(join(store.stateDir, 'bad.json'), '{"schema": "worldforge.world@1", "id": "bad"');
    expect(() => store.load('bad')).toThrow(/bad\.json: \(root\): not valid JSON/);
    const inverted = {
      ...lab(),
      id: 'inv',
      objects: [
        { id: 'cube', position: { x: 0, y: 0, z: 0 }, bbox: { min: { x: 1, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 } }, attributes: {} },
      ],
    };
    writeFileSync(join(store.stateDir, 'inv.json'), JSON.stringify(inverted));
    expect(() => store.load('inv')).toThrow(/objects\.0\.bbox: bbox min must be ≤ max/);
    writeFileSync(join(store.stateDir, 'other.json'), JSON.stringify(lab()));
    expect(() => store.load('other')).toThrow(/file holds world 'lab', expected 'other'/);
  });
});

describe('plan facade', () => {
  const state = worldStateOf(lab());
  const withBridge = async (fn: (jepa: Provider, lerobot: Provider) => Promise<void>) => {
    const [jepa, lerobot] = [fakeRuntimeProvider('jepa'), fakeRuntimeProvider('lerobot')];
    try {
      await fn(jepa, lerobot);
    } finally {
      await closeProvider(jepa);
      await closeProvider(lerobot);
    }
    expect(liveRuntimeCount()).toBe(0);
  };

  it('predict mode steps goal actions through the mock and records predicted states', async () => {
    const result = await plan(state, {
      goal: 'swap',
      mode: 'predict',
      goal_spec: { kind: 'swap_objects', object_id: 'cube', other_id: 'ball' },
      predict_provider: createProvider('mock'),
    });
    expect(result).toMatchObject({ mode: 'predict', action_count: 2, success_probability_source: 'mean_physics_score_clamped' });
    expect(result.predicted_states).toHaveLength(2);
  });

  it('policy+score scores every policy candidate and picks the best; the trace names both providers', async () => {
    await withBridge(async (jepa, lerobot) => {
      const result = await plan(state, {
        goal: 'reach',
        mode: 'policy+score',
        policy_provider: lerobot,
        policy_info: { observation: { joint_positions: [0, 0] } },
        action_horizon: 1,
        score_provider: jepa,
        score_info: { observation: [0, 0], goal: [1, 1] },
      });
      expect(result.workflow_trace.map((t) => `${t.provider}:${t.capability}`)).toEqual(['lerobot:policy', 'jepa:score']);
      expect(result.selection!.scores).toHaveLength(3);
      expect(result.selection!.best_index).toBe(2);
      expect(result.success_probability_source).toBe('inverse_best_cost_heuristic');
    });
  });

  it('refuses a scorer whose count disagrees with the candidates, wrong capabilities and missing inputs', async () => {
    await withBridge(async (jepa, lerobot) => {
      const candidates = [
        [{ kind: 'joint_targets', parameters: { values: [0, 1] } }],
        [{ kind: 'joint_targets', parameters: { values: [1, 0] } }],
      ];
      await expect(
        plan(state, {
          goal: 'g',
          mode: 'score',
          score_provider: jepa,
          score_info: { observation: [0, 0], goal: [1, 1] },
          candidate_actions: candidates,
          score_action_candidates: [[[0, 1]]],
        }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(
        plan(state, { goal: 'g', mode: 'score', score_provider: lerobot, score_info: {}, candidate_actions: candidates }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
      });
      await expect(plan(state, { goal: 'g', mode: 'policy', policy_provider: lerobot })).rejects.toThrow(/needs policy_info/);
      await expect(
        plan(state, {
          goal: 'g',
          mode: 'policy',
          policy_provider: lerobot,
          policy_info: { observation: {} },
          candidate_actions: candidates,
        }),
      ).rejects.toThrow(/takes no candidate_actions/);
    });
  });
});

describe('worldforge world (CLI)', () => {
  it('a fresh state dir: create, then plan policy+score through the fake runtime', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-cli-worlds-'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/worldforge.mjs', 'world', ...args, '--state-dir', dir], {
        cwd: REPO,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
    expect(run('create', 'demo', '--object', 'cube:0,0,0').status).toBe(0);
    const planned = run('plan', 'demo', '--mode', 'policy+score', '--object', 'cube', '--to', '1,1,0', '--runtime', 'fake', '--json');
    expect(planned.status, planned.stderr).toBe(0);
    const output = JSON.parse(planned.stdout);
    expect(output.workflow_trace.map((t: { provider: string }) => t.provider)).toEqual(['lerobot', 'jepa']);
    expect(output.runtime).toContain('fake');
    const saved = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'));
    expect(saved.history.at(-1)).toMatchObject({ kind: 'plan', providers: ['lerobot', 'jepa'] });
  });
});
