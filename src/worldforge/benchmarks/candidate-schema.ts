/**
 * A calibration candidate: what `budgets calibrate` writes instead of editing a budget. It names
 * the reports it was computed from (with digests), the budget it would replace (with its digest, so
 * `budgets apply` refuses a budget that changed since), the machine context of the reports, and per
 * threshold the old and candidate values, the observed baseline and why. It always asks for review.
 */
import { z } from 'zod';
import { budgetEntrySchema } from './budget-schema.ts';
import { sha256Schema } from '../schema/primitives.ts';

export const CANDIDATE_SCHEMA = 'worldforge.benchmark-budget-candidate@1';

export const thresholdDiffSchema = () =>
  z.strictObject({
    selector: z.string().min(1),
    key: z.string().min(1),
    metric: z.string().min(1),
    /** The current threshold, or null when the current budget has none for this key. */
    old_threshold: z.number().nullable(),
    candidate_threshold: z.number(),
    /** The worst gated value over the source reports (median over samples for timings). */
    observed_baseline: z.number(),
    rationale: z.string().min(1),
    /** True when the candidate accepts worse results than the old threshold. */
    loosens: z.boolean(),
  });
export type ThresholdDiff = z.infer<ReturnType<typeof thresholdDiffSchema>>;

export const candidateSchema = () =>
  z.strictObject({
    schema: z.literal(CANDIDATE_SCHEMA),
    preset: z.string().min(1),
    generated_at: z.iso.datetime(),
    review_required: z.literal(true),
    headroom: z.number().min(0),
    source_reports: z
      .array(
        z.strictObject({
          path: z.string().min(1),
          sha256: sha256Schema(),
          generated_at: z.iso.datetime(),
          machine_class: z.string().nullable(),
        }),
      )
      .min(1),
    current_budget: z.strictObject({ path: z.string().min(1), sha256: sha256Schema() }).nullable(),
    baseline_context: z.strictObject({
      machine_classes: z.array(z.string().nullable()),
      node: z.array(z.string()),
      platforms: z.array(z.string()),
      cpu_models: z.array(z.string()),
      samples_per_operation: z.array(z.int()),
    }),
    diffs: z.array(thresholdDiffSchema()),
    /** The budget entries the candidate proposes. */
    budgets: z.array(budgetEntrySchema()).min(1),
  });
export type BudgetCandidate = z.infer<ReturnType<typeof candidateSchema>>;
