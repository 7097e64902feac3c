import { z } from 'zod';
import { jsonObject } from './common.ts';

/** A nested numeric array (vector, matrix, tensor) whose every leaf is finite. */
type NumericTensor = number | NumericTensor[];
const numericTensor: z.ZodType<NumericTensor> = z.lazy(() =>
  z.union([z.number(), z.array(numericTensor)], {
    error: 'must be a finite number or a nested array of finite numbers (no NaN or ±Infinity)',
  }),
);

/** Shape of a rectangular tensor, or null when ragged. */
export function tensorShape(value: NumericTensor): number[] | null {
  if (!Array.isArray(value)) return [];
  const shapes = value.map(tensorShape);
  const first = shapes[0];
  if (first === undefined) return [0];
  if (first === null || shapes.some((s) => s === null || s.join(',') !== first.join(','))) return null;
  return [value.length, ...first];
}

/** score: rank candidate action sequences against an observation/goal context. */
export const scoreRequestSchema = () =>
  z.strictObject({
    /** Observation and goal context, as JSON. Must not be empty. */
    info: jsonObject().refine((info) => Object.keys(info).length > 0, { message: 'info must not be empty' }),
    /** Candidate actions: a rectangular numeric tensor whose first axis indexes candidates. */
    action_candidates: z
      .array(numericTensor)
      .min(1, { message: 'at least one candidate is required' })
      .refine((c) => tensorShape(c) !== null, { message: 'candidates must be rectangular (not ragged)' }),
  });

export const scoreResultSchema = () =>
  z
    .strictObject({
      /** Provider that scored. */
      provider: z.string().min(1),
      /** One finite score per candidate. */
      scores: z.array(z.number()).min(1),
      /** Index of the best candidate. */
      best_index: z.int().min(0),
      /** Whether lower scores are better (costs). */
      lower_is_better: z.boolean(),
      /** Safe JSON metadata. */
      metadata: jsonObject(),
    })
    .refine((r) => r.best_index < r.scores.length, { message: 'best_index out of range', path: ['best_index'] });
