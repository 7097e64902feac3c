import type { EvaluationSuite } from '../types.ts';
import { distance, positionOf, round6, SCENE } from './shared.ts';

/** Picks the candidate whose predicted end state is closest to the goal: planning through predict. */
async function planTo(provider: Parameters<EvaluationSuite['scenarios'][number]['run']>[0], goal: { x: number; y: number; z: number }) {
  const candidates = [
    { kind: 'noop', parameters: {} },
    { kind: 'move_to', parameters: { object_id: 'cube', target: { x: goal.x / 2, y: goal.y / 2, z: goal.z / 2 } } },
    { kind: 'move_to', parameters: { object_id: 'cube', target: goal } },
  ];
  const outcomes = [];
  for (const action of candidates) {
    const result = await provider.call('predict', { world_state: SCENE, action, steps: 1 });
    outcomes.push({ action, result, error: distance(positionOf(result.state, 'cube'), goal) });
  }
  const best = outcomes.reduce((a, b) => (b.error < a.error ? b : a));
  return { candidates, outcomes, best };
}

export const planningSuite: EvaluationSuite = {
  id: 'planning',
  version: '1',
  capability: 'predict',
  source: 'src/worldforge/evaluation/suites/planning.ts',
  claim_boundary:
    'Checks that choosing among candidate actions by their predicted outcome reaches simple relocation goals. It does not evaluate a planner, long horizons, obstacles or real robot execution.',
  metric_semantics:
    'goal_error is the Euclidean distance between the chosen candidate’s predicted cube position and the goal; action_count is the number of actions in the plan; confidence is the provider’s heuristic for the chosen prediction.',
  scenarios: [
    {
      id: 'object-relocation',
      description: 'Choose the candidate that moves the cube to the goal position.',
      expectation: 'pass',
      metrics: ['goal_error', 'action_count'],
      thresholds: [
        { metric: 'goal_error', op: '<=', value: 0.05 },
        { metric: 'action_count', op: '>=', value: 1 },
      ],
      run: async (provider) => {
        const goal = { x: 2, y: 1, z: 0 };
        const { candidates, outcomes, best } = await planTo(provider, goal);
        return {
          input: { goal, candidates },
          result: outcomes.map((o) => o.result),
          metrics: { goal_error: round6(best.error), action_count: 1 },
          observed: `chose ${best.action.kind} with goal error ${round6(best.error)}`,
        };
      },
    },
    {
      id: 'confident-plan',
      description: 'The chosen plan should come with a confidence of at least 0.95.',
      expectation: 'known-failure',
      expectation_note:
        'Deliberately strict: the mock’s confidence is a fixed heuristic below 0.95, so this scenario shows a threshold failure in the gallery.',
      metrics: ['confidence'],
      thresholds: [{ metric: 'confidence', op: '>=', value: 0.95 }],
      run: async (provider) => {
        const goal = { x: -1, y: 0, z: 0 };
        const { candidates, outcomes, best } = await planTo(provider, goal);
        return {
          input: { goal, candidates },
          result: outcomes.map((o) => o.result),
          metrics: { confidence: best.result.confidence },
          observed: `chosen plan confidence ${best.result.confidence}`,
        };
      },
    },
  ],
};
