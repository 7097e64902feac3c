#!/usr/bin/env node
/**
 * The deterministic fake runtime: a worldforge-bridge host in plain Node (no torch, no weights),
 * so tests, the conformance suite and `world plan --runtime fake` reach bridge providers through
 * the real subprocess path. Its numbers are arithmetic on the request, not a model.
 *
 *   node fake-runtime.mjs [--model NAME] [--device cpu] [--misbehave MODE]
 *
 * The model comes from `--model`, else WORLDFORGE_BRIDGE_MODEL. Scores: for each candidate, the
 * squared distance between `observation + sum of the candidate's rows` and `goal` when their
 * lengths match, else the mean of squares of the candidate's values (lower is better). Policy:
 * three candidate chunks of `action_horizon` (default 2) rows, each row the observation's
 * `joint_positions` (or [0, 0]) plus 0.1·(step + 1)·(candidate + 1).
 *
 * MODE makes it misbehave, one way per failure the bridge must type:
 *   ragged-tensor, low-rank-tensor, wrong-candidate-count, nan-scores, timeout (never answers),
 *   hello-timeout (never says hello), crash (exits mid-request), oversized-output, garbage-line,
 *   missing-model (hello says not loaded; requests answer model_not_found), exit-early (exits
 *   before hello), wrong-protocol (hello with protocol version 99), runtime-error.
 */
import { createInterface } from 'node:readline';

import { FAKE_MISBEHAVIOURS as MODES } from './fake-modes.mjs';

function argValue(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const mode = argValue('misbehave') ?? process.env.WORLDFORGE_FAKE_RUNTIME_MISBEHAVE ?? '';
if (mode && !MODES.includes(mode)) {
  process.stderr.write(`fake-runtime: unknown --misbehave ${mode}; one of ${MODES.join(', ')}\n`);
  process.exit(2);
}
const model = argValue('model') ?? process.env.WORLDFORGE_BRIDGE_MODEL ?? null;
const device = argValue('device') ?? process.env.WORLDFORGE_BRIDGE_DEVICE ?? 'cpu';
const loaded = model !== null && mode !== 'missing-model';

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const round6 = (v) => Math.round(v * 1e6) / 1e6;
const flat = (t) => (Array.isArray(t) ? t.flatMap(flat) : [t]);
const isNumArray = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');

if (mode === 'exit-early') process.exit(3);
if (mode !== 'hello-timeout') {
  send({
    type: 'hello',
    protocol: 'worldforge-bridge',
    protocol_version: mode === 'wrong-protocol' ? 99 : 1,
    runtime: { name: 'worldforge-fake-runtime', version: '1.0.0' },
    model: model === null ? null : { name: model, loaded },
    device,
    methods: ['health', 'score', 'policy'],
  });
}

/** The candidate list of a score request: the provider may wrap it in a batch axis of 1. */
function candidatesOf(tensor) {
  return Array.isArray(tensor) &&
    tensor.length === 1 &&
    Array.isArray(tensor[0]) &&
    Array.isArray(tensor[0][0]) &&
    Array.isArray(tensor[0][0][0])
    ? { list: tensor[0], batched: true }
    : { list: tensor, batched: false };
}

function score(params) {
  const { list } = candidatesOf(params.action_candidates);
  const { observation, goal } = params.info;
  const costs = list.map((candidate) => {
    const rows = Array.isArray(candidate) && Array.isArray(candidate[0]) ? candidate : [candidate];
    if (
      isNumArray(observation) &&
      isNumArray(goal) &&
      observation.length === goal.length &&
      rows.every((r) => isNumArray(r) && r.length === goal.length)
    ) {
      const end = observation.map((o, d) => rows.reduce((sum, r) => sum + r[d], o));
      return round6(end.reduce((sum, e, d) => sum + (e - goal[d]) ** 2, 0));
    }
    const values = flat(candidate);
    return round6(values.reduce((sum, v) => sum + v * v, 0) / Math.max(values.length, 1));
  });
  let scores = costs;
  if (mode === 'ragged-tensor') scores = costs.map((c, i) => (i === 0 ? [c, c] : [c]));
  if (mode === 'low-rank-tensor') scores = costs[0];
  if (mode === 'wrong-candidate-count') scores = [...costs, 0];
  if (mode === 'nan-scores') scores = costs.map((c, i) => (i === 0 ? { $number: 'NaN' } : c));
  return { scores, lower_is_better: true, metadata: { runtime: 'fake', model, objective: 'l2' } };
}

function policy(params) {
  const horizon = params.action_horizon ?? 2;
  const base = isNumArray(params.info.observation?.joint_positions) ? params.info.observation.joint_positions : [0, 0];
  let raw = [0, 1, 2].map((k) => Array.from({ length: horizon }, (_, t) => base.map((b) => round6(b + 0.1 * (t + 1) * (k + 1)))));
  if (mode === 'ragged-tensor') raw = [raw[0], raw[1].slice(0, 1).map((r) => r.slice(0, 1))];
  if (mode === 'low-rank-tensor') raw = base;
  if (mode === 'nan-scores') raw = raw.map((c) => c.map((r) => r.map((v, d) => (d === 0 ? { $number: 'NaN' } : v))));
  return { raw_actions: raw, embodiment_tag: 'fake-arm', metadata: { runtime: 'fake', model } };
}

const METHODS = {
  health: () => ({
    ready: loaded,
    model,
    detail: loaded ? 'fake runtime ready' : model === null ? 'no model name given' : `checkpoint for ${model} not found`,
  }),
  score,
  policy,
};

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (message.type === 'shutdown') process.exit(0);
  if (message.type !== 'request') return;
  const { id, method, params } = message;
  if (method === 'health') return send({ type: 'response', id, result: METHODS.health() });
  if (mode === 'timeout') return;
  if (mode === 'crash') process.exit(7);
  if (mode === 'garbage-line') return process.stdout.write('Traceback (most recent call last): not json\n');
  if (mode === 'oversized-output')
    return send({ type: 'response', id, result: { scores: [0], lower_is_better: true, metadata: { pad: 'x'.repeat(2 * 1024 * 1024) } } });
  if (mode === 'runtime-error')
    return send({ type: 'response', id, error: { type: 'inference_failed', message: 'fake inference failure' } });
  if (!loaded)
    return send({
      type: 'response',
      id,
      error: { type: 'model_not_found', message: model === null ? 'no model name given' : `checkpoint for ${model} not found` },
    });
  const handler = METHODS[method];
  if (!handler) return send({ type: 'response', id, error: { type: 'unsupported_method', message: `no method ${method}` } });
  send({ type: 'response', id, result: handler(params) });
});
lines.on('close', () => process.exit(0));
