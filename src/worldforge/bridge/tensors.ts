/**
 * Tensor checks on what a runtime returns: shape (rectangular, expected rank), finiteness, and the
 * candidate count a score must agree with. Each problem is a typed `BridgeError`, so a ragged or
 * low-rank tensor, a NaN or a wrong count never reaches a caller as a result. Shape summaries are
 * what events, result metadata and run manifests carry instead of the values.
 */
import { BridgeError } from './errors.ts';

/** A nested numeric array after wire decoding (leaves may be NaN or ±Infinity). */
export type Tensor = number | Tensor[];

/** Shape of a rectangular tensor, or null when ragged or holding non-numbers. */
export function shapeOf(value: unknown): number[] | null {
  if (typeof value === 'number') return [];
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return [0];
  const shapes = value.map(shapeOf);
  const first = shapes[0];
  if (!first || shapes.some((s) => s === null || s.join(',') !== first.join(','))) return null;
  return [value.length, ...first];
}

/** Every leaf of a tensor, in row-major order. */
export const leaves = (value: Tensor): number[] => (Array.isArray(value) ? value.flatMap(leaves) : [value]);

/** The shape of `value`, or a `ragged_tensor` error naming `what`. */
export function rectangular(value: unknown, what: string): number[] {
  const shape = shapeOf(value);
  if (shape === null) throw new BridgeError('ragged_tensor', `${what} is ragged (rows of different lengths) or not numeric`);
  return shape;
}

/** Throws `non_finite_value` when any leaf is NaN or ±Infinity. */
export function assertFinite(value: Tensor, what: string): void {
  const index = leaves(value).findIndex((v) => !Number.isFinite(v));
  if (index !== -1) throw new BridgeError('non_finite_value', `${what} holds a non-finite value at flat index ${index}`);
}

/**
 * The per-candidate scores of a runtime's `scores` tensor: shapes `(n)`, `(1, n)` and `(n, 1)` are
 * accepted (as upstream's cost models return them); anything else is `bad_tensor_shape`, a count
 * other than `candidates` is `candidate_count_mismatch`, a NaN is `non_finite_value`.
 */
export function scoreVector(scores: unknown, candidates: number): { scores: number[]; shape: number[] } {
  const shape = rectangular(scores, 'the scores tensor');
  const ok = shape.length === 1 || (shape.length === 2 && (shape[0] === 1 || shape[1] === 1));
  if (!ok) throw new BridgeError('bad_tensor_shape', `the scores tensor has shape [${shape.join(', ')}]; expected (n), (1, n) or (n, 1)`);
  const flat = leaves(scores as Tensor);
  if (flat.length !== candidates) {
    throw new BridgeError('candidate_count_mismatch', `the runtime returned ${flat.length} scores for ${candidates} candidates`);
  }
  assertFinite(flat, 'the scores tensor');
  return { scores: flat, shape };
}

/** Index of the best score (lowest cost when `lowerIsBetter`); the first on ties. */
export function bestIndex(scores: readonly number[], lowerIsBetter: boolean): number {
  let best = 0;
  scores.forEach((s, i) => {
    if (lowerIsBetter ? s < scores[best]! : s > scores[best]!) best = i;
  });
  return best;
}

/**
 * Candidate action chunks of a runtime's `raw_actions`: `(horizon, dim)` is one chunk,
 * `(candidates, horizon, dim)` several. Other ranks are `bad_tensor_shape`.
 */
export function actionChunks(raw: unknown, horizon: number | undefined): { chunks: number[][][]; shape: number[] } {
  const shape = rectangular(raw, 'the raw_actions tensor');
  if (shape.length !== 2 && shape.length !== 3) {
    throw new BridgeError(
      'bad_tensor_shape',
      `the raw_actions tensor has shape [${shape.join(', ')}]; expected (horizon, dim) or (candidates, horizon, dim)`,
    );
  }
  if (shape.includes(0)) throw new BridgeError('bad_tensor_shape', `the raw_actions tensor has an empty axis: [${shape.join(', ')}]`);
  assertFinite(raw as Tensor, 'the raw_actions tensor');
  const chunks = (shape.length === 2 ? [raw] : raw) as number[][][];
  const got = chunks[0]!.length;
  if (horizon !== undefined && got !== horizon) {
    throw new BridgeError(
      'bad_tensor_shape',
      `the runtime returned ${got} steps per chunk; the request asked for action_horizon ${horizon}`,
    );
  }
  return { chunks, shape };
}
