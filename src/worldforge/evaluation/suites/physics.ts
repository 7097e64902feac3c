import type { EvaluationSuite } from '../types.ts';
import { distance, positionOf, round6, SCENE } from './shared.ts';

export const physicsSuite: EvaluationSuite = {
  id: 'physics',
  version: '1',
  capability: 'predict',
  source: 'src/worldforge/evaluation/suites/physics.ts',
  claim_boundary:
    'Checks that predicted states respond to actions in the expected direction on a two-object scene. It does not measure physical fidelity: the mock has no dynamics, collisions or gravity.',
  metric_semantics:
    'displacement and target_error are Euclidean distances in scene units; physics_score and confidence are the provider’s own [0, 1] heuristics, not calibrated probabilities.',
  scenarios: [
    {
      id: 'object-stability',
      description: 'A no-op action leaves every object where it was.',
      expectation: 'pass',
      metrics: ['displacement', 'physics_score'],
      thresholds: [
        { metric: 'displacement', op: '<=', value: 0.01 },
        { metric: 'physics_score', op: '>=', value: 0.7 },
      ],
      run: async (provider) => {
        const input = { world_state: SCENE, action: { kind: 'noop', parameters: {} }, steps: 5 };
        const result = await provider.call('predict', input);
        const displacement = Math.max(...SCENE.objects.map((o) => distance(o.position, positionOf(result.state, o.id))));
        return {
          input,
          result,
          metrics: { displacement: round6(displacement), physics_score: result.physics_score },
          observed: `max displacement ${round6(displacement)}`,
        };
      },
    },
    {
      id: 'action-response',
      description: 'move_to places the first object at its target.',
      expectation: 'pass',
      metrics: ['target_error', 'moved'],
      thresholds: [
        { metric: 'target_error', op: '<=', value: 0.05 },
        { metric: 'moved', op: '>=', value: 0.3 },
      ],
      run: async (provider) => {
        const target = { x: 0.5, y: 0.5, z: 0 };
        const input = { world_state: SCENE, action: { kind: 'move_to', parameters: { target } }, steps: 1 };
        const result = await provider.call('predict', input);
        const end = positionOf(result.state, 'cube');
        const metrics = { target_error: round6(distance(end, target)), moved: round6(distance(end, positionOf(SCENE, 'cube'))) };
        return { input, result, metrics, observed: `cube ended ${metrics.target_error} from target after moving ${metrics.moved}` };
      },
    },
    {
      id: 'collision-response',
      description: 'Moving the cube onto the ball should push the ball away.',
      expectation: 'known-failure',
      expectation_note:
        'Deliberately strict: the mock teleports objects and simulates no collisions, so the ball never moves. Kept to show how a failing scenario appears in the gallery.',
      metrics: ['ball_displacement'],
      thresholds: [{ metric: 'ball_displacement', op: '>=', value: 0.1 }],
      run: async (provider) => {
        const input = {
          world_state: SCENE,
          action: { kind: 'move_to', parameters: { object_id: 'cube', target: { x: 1, y: 0, z: 0 } } },
          steps: 1,
        };
        const result = await provider.call('predict', input);
        const moved = round6(distance(positionOf(result.state, 'ball'), positionOf(SCENE, 'ball')));
        return { input, result, metrics: { ball_displacement: moved }, observed: `ball moved ${moved}` };
      },
    },
  ],
};
