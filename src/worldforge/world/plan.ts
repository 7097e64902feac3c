/**
 * The plan facade: one call that composes providers into a plan, in upstream's four modes.
 *
 * - `predict`: a structured goal becomes actions (object_at, object_near, swap_objects,
 *   spawn_object), each stepped through a predict provider; predicted states are recorded.
 * - `score`: caller-supplied candidate action sequences are scored; the best one is the plan.
 * - `policy`: a policy provider's first action chunk is the plan.
 * - `policy+score`: the policy's candidate chunks are scored and the best is chosen; the number
 *   of scores must equal the number of candidates and the chosen index must be in range.
 *
 * Every plan records a workflow trace (which provider did what, in order) and where its success
 * probability comes from; the number is a heuristic, never a calibrated probability.
 */
import type { Action, WorldState } from '../capabilities/common.ts';
import { InvalidInputError, ProviderError } from '../errors.ts';
import type { Provider } from '../providers/base.ts';
import { actionCandidatesTensor } from '../bridge/translator.ts';

export const PLAN_MODES = ['predict', 'score', 'policy', 'policy+score'] as const;
export type PlanMode = (typeof PLAN_MODES)[number];

type Point = { x: number; y: number; z: number };

/** Structured goals the predict mode turns into actions. */
export type StructuredGoal =
  | { kind: 'object_at'; object_id: string; position: Point }
  | { kind: 'object_near'; object_id: string; reference_id: string; offset: Point }
  | { kind: 'swap_objects'; object_id: string; other_id: string }
  | { kind: 'spawn_object'; object_id: string; position: Point };

export const SUCCESS_PROBABILITY_SOURCES = {
  inverse_best_cost_heuristic: '1 / (1 + max(0, best cost)): a monotone reading of the chosen cost, not a probability.',
  policy_provider_no_world_model: 'Fixed 0.5: a policy alone has no world model to judge its actions.',
  mean_physics_score_clamped: 'Mean predict physics_score clamped to [0.65, 0.98] (0.7 when nothing was predicted).',
  score_not_a_cost: 'Fixed 0.5: the scorer ranks higher-is-better, so no cost heuristic applies.',
} as const;

export interface TraceStep {
  step: number;
  provider: string;
  capability: 'predict' | 'score' | 'policy';
  summary: string;
}

export interface Plan {
  goal: string;
  goal_spec: StructuredGoal | null;
  planner: string;
  mode: PlanMode;
  actions: Action[];
  action_count: number;
  success_probability: number;
  success_probability_source: keyof typeof SUCCESS_PROBABILITY_SOURCES;
  predicted_states: WorldState[];
  workflow_trace: TraceStep[];
  /** Score modes: every candidate's score and the chosen index. */
  selection: { scores: number[]; best_index: number; lower_is_better: boolean } | null;
}

export interface PlanRequest {
  goal: string;
  mode: PlanMode;
  planner?: string;
  /** predict mode. */
  goal_spec?: StructuredGoal;
  predict_provider?: Provider;
  /** score and policy+score modes. */
  score_provider?: Provider;
  score_info?: Record<string, unknown>;
  /** score mode: candidate action sequences to choose from. */
  candidate_actions?: Action[][];
  /** Numeric candidates sent to the scorer instead of ones derived from the actions. */
  score_action_candidates?: unknown[];
  /** policy and policy+score modes. */
  policy_provider?: Provider;
  policy_info?: Record<string, unknown>;
  action_horizon?: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });

function need<T>(value: T | undefined, what: string, mode: PlanMode): T {
  if (value === undefined) throw new InvalidInputError(`plan mode '${mode}' needs ${what}`);
  return value;
}

function requireCapability(provider: Provider, capability: 'predict' | 'score' | 'policy', role: string): void {
  if (!provider.supports(capability)) {
    throw new InvalidInputError(
      `the ${role} '${provider.name}' does not advertise ${capability}; it offers ${provider.profile.capabilities.join(', ') || 'nothing'}`,
    );
  }
}

/** The actions that reach a structured goal from a state. */
export function actionsFor(goal: StructuredGoal, state: WorldState): Action[] {
  const at = (id: string) => {
    const object = state.objects.find((o) => o.id === id);
    if (!object) throw new InvalidInputError(`goal names object '${id}', which the world does not hold`);
    return object.position;
  };
  const move = (id: string, target: Point): Action => ({ kind: 'move_to', parameters: { object_id: id, target } });
  switch (goal.kind) {
    case 'object_at':
      at(goal.object_id);
      return [move(goal.object_id, goal.position)];
    case 'object_near':
      at(goal.object_id);
      return [move(goal.object_id, add(at(goal.reference_id), goal.offset))];
    case 'swap_objects': {
      const [a, b] = [at(goal.object_id), at(goal.other_id)];
      return [move(goal.object_id, b), move(goal.other_id, a)];
    }
    case 'spawn_object':
      if (state.objects.some((o) => o.id === goal.object_id)) throw new InvalidInputError(`object '${goal.object_id}' already exists`);
      return [{ kind: 'spawn_object', parameters: { id: goal.object_id, target: goal.position } }];
  }
}

async function scoreCandidates(
  request: PlanRequest,
  candidates: Action[][],
  trace: TraceStep[],
): Promise<{ best: number; scores: number[]; lowerIsBetter: boolean }> {
  const scorer = need(request.score_provider, 'a score provider', request.mode);
  requireCapability(scorer, 'score', 'score provider');
  const info = need(request.score_info, 'score_info (observation and goal context)', request.mode);
  const tensor = request.score_action_candidates ?? actionCandidatesTensor(candidates);
  if (!tensor) {
    throw new InvalidInputError('the candidates carry no numeric parameters.values to score; pass score_action_candidates');
  }
  if (tensor.length !== candidates.length) {
    throw new InvalidInputError(`score_action_candidates has ${tensor.length} entries for ${candidates.length} candidate action sequences`);
  }
  const result = await scorer.call('score', { info, action_candidates: tensor });
  if (result.scores.length !== candidates.length || result.best_index < 0 || result.best_index >= candidates.length) {
    throw new ProviderError(
      'invalid_provider_output',
      `${scorer.name} returned ${result.scores.length} scores (best index ${result.best_index}) for ${candidates.length} candidates`,
    );
  }
  trace.push({
    step: trace.length + 1,
    provider: scorer.name,
    capability: 'score',
    summary: `scored ${candidates.length} candidate(s); chose index ${result.best_index} (${result.lower_is_better ? 'lowest cost' : 'highest score'} ${result.scores[result.best_index]})`,
  });
  return { best: result.best_index, scores: result.scores, lowerIsBetter: result.lower_is_better };
}

/** Builds a plan for `state` (a world's state) in the requested mode. */
export async function plan(state: WorldState, request: PlanRequest): Promise<Plan> {
  const { mode } = request;
  if (!(PLAN_MODES as readonly string[]).includes(mode))
    throw new InvalidInputError(`unknown plan mode '${mode}'; one of ${PLAN_MODES.join(', ')}`);
  const trace: TraceStep[] = [];
  const base = { goal: request.goal, planner: request.planner ?? 'worldforge-facade', mode };

  if (mode === 'predict') {
    const predictor = need(request.predict_provider, 'a predict provider', mode);
    requireCapability(predictor, 'predict', 'predict provider');
    const goal = need(request.goal_spec, 'a structured goal (goal_spec)', mode);
    const actions = actionsFor(goal, state);
    const predicted: WorldState[] = [];
    const physics: number[] = [];
    let current = state;
    for (const action of actions) {
      const result = await predictor.call('predict', { world_state: current, action, steps: 1 });
      predicted.push(result.state);
      physics.push(result.physics_score);
      current = result.state;
      trace.push({
        step: trace.length + 1,
        provider: predictor.name,
        capability: 'predict',
        summary: `${action.kind} → ${String(result.metadata.effect ?? 'predicted')}`,
      });
    }
    const mean = physics.length ? physics.reduce((a, b) => a + b, 0) / physics.length : 0.7;
    return {
      ...base,
      goal_spec: goal,
      actions,
      action_count: actions.length,
      success_probability: round6(physics.length ? Math.min(0.98, Math.max(0.65, mean)) : 0.7),
      success_probability_source: 'mean_physics_score_clamped',
      predicted_states: predicted,
      workflow_trace: trace,
      selection: null,
    };
  }

  let candidates: Action[][];
  if (mode === 'score') {
    candidates = need(request.candidate_actions, 'candidate_actions', mode);
    if (candidates.length === 0) throw new InvalidInputError('candidate_actions must not be empty');
  } else {
    if (mode === 'policy' && request.candidate_actions)
      throw new InvalidInputError('policy mode takes no candidate_actions; the policy proposes them');
    const policy = need(request.policy_provider, 'a policy provider', mode);
    requireCapability(policy, 'policy', 'policy provider');
    const info = need(request.policy_info, 'policy_info (with an observation)', mode);
    const result = await policy.call('policy', { info, ...(request.action_horizon ? { action_horizon: request.action_horizon } : {}) });
    candidates = result.action_candidates;
    trace.push({
      step: 1,
      provider: policy.name,
      capability: 'policy',
      summary: `proposed ${candidates.length} candidate chunk(s) of ${result.actions.length} action(s)`,
    });
    if (mode === 'policy') {
      return {
        ...base,
        goal_spec: null,
        actions: result.actions,
        action_count: result.actions.length,
        success_probability: 0.5,
        success_probability_source: 'policy_provider_no_world_model',
        predicted_states: [],
        workflow_trace: trace,
        selection: null,
      };
    }
  }
  const { best, scores, lowerIsBetter } = await scoreCandidates(request, candidates, trace);
  const chosen = candidates[best]!;
  const bestScore = scores[best]!;
  return {
    ...base,
    goal_spec: null,
    actions: chosen,
    action_count: chosen.length,
    success_probability: lowerIsBetter ? round6(1 / (1 + Math.max(0, bestScore))) : 0.5,
    success_probability_source: lowerIsBetter ? 'inverse_best_cost_heuristic' : 'score_not_a_cost',
    predicted_states: [],
    workflow_trace: trace,
    selection: { scores, best_index: best, lower_is_better: lowerIsBetter },
  };
}
