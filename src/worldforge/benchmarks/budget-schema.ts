/**
 * Benchmark budgets: `content/benchmarks/budgets/<id>.json`. Each entry selects results by provider
 * and operation (absent = any) and sets at least one threshold; unknown keys are rejected so a
 * misspelt threshold cannot silently gate nothing. The file keeps its own history: every applied
 * calibration appends the date, the candidate digest and (for a loosening) the reviewer's rationale.
 */
import { z } from 'zod';
import { capabilitySchema, providerIdSchema, sha256Schema } from '../schema/primitives.ts';

export const BUDGET_SCHEMA = 'worldforge.benchmark-budget@1';

/** Each threshold key, the metric it bounds and its direction. One list: the gate, calibration and pages loop over it. */
export const THRESHOLDS = [
  { key: 'min_success_rate', metric: 'success_rate', bound: 'min', unit: '' },
  { key: 'max_error_count', metric: 'error_count', bound: 'max', unit: '' },
  { key: 'max_retry_count', metric: 'retry_count', bound: 'max', unit: '' },
  { key: 'max_mean_latency_ms', metric: 'mean_latency_ms', bound: 'max', unit: 'ms' },
  { key: 'max_p95_latency_ms', metric: 'p95_latency_ms', bound: 'max', unit: 'ms' },
  { key: 'min_throughput_per_second', metric: 'throughput_per_second', bound: 'min', unit: '/s' },
] as const;
export type Threshold = (typeof THRESHOLDS)[number];
export type ThresholdKey = Threshold['key'];
export type Metric = Threshold['metric'];

/** Metrics that are counts of outcomes (deterministic); the others are timings (machine-dependent). */
export const COUNT_METRICS: readonly Metric[] = ['success_rate', 'error_count', 'retry_count'];

const nonNegative = () => z.number().min(0);

export const budgetEntrySchema = () =>
  z
    .strictObject({
      /** Provider selector; absent matches every provider. */
      provider: providerIdSchema().optional(),
      /** Operation selector; absent matches every operation. */
      operation: capabilitySchema().optional(),
      min_success_rate: z.number().min(0).max(1).optional(),
      max_error_count: z.int().min(0).optional(),
      max_retry_count: z.int().min(0).optional(),
      max_mean_latency_ms: nonNegative().optional(),
      max_p95_latency_ms: nonNegative().optional(),
      min_throughput_per_second: nonNegative().optional(),
    })
    .refine((entry) => THRESHOLDS.some((t) => entry[t.key] !== undefined), {
      message: `a budget entry needs at least one threshold (${THRESHOLDS.map((t) => t.key).join(', ')})`,
    });
export type BudgetEntry = z.infer<ReturnType<typeof budgetEntrySchema>>;

/** One applied change of a budget file. */
export const budgetHistorySchema = () =>
  z.strictObject({
    /** Day the change was applied (YYYY-MM-DD). */
    date: z.iso.date(),
    /** Digest of the candidate file that was applied. */
    candidate_sha256: sha256Schema(),
    /** Thresholds the change loosened, as `<selector> <key>`; empty for a tightening. */
    loosened: z.array(z.string().min(1)),
    /** Why; required (by `budgets apply`) whenever anything was loosened. */
    rationale: z.string().min(1).nullable(),
  });

export const budgetFileSchema = () =>
  z
    .strictObject({
      schema: z.literal(BUDGET_SCHEMA),
      /** What the budget protects. */
      description: z.string().min(10),
      budgets: z.array(budgetEntrySchema()).min(1),
      /** Applied calibrations, oldest first. */
      history: z.array(budgetHistorySchema()),
    })
    .refine((file) => file.history.every((h) => h.loosened.length === 0 || (h.rationale ?? '').trim().length > 0), {
      message: 'a history entry that loosened thresholds must carry a rationale',
      path: ['history'],
    });
export type BudgetFile = z.infer<ReturnType<typeof budgetFileSchema>>;

/** `provider/operation` with `*` for a wildcard: how findings and reports name a budget entry. */
export const budgetSelector = (entry: Pick<BudgetEntry, 'provider' | 'operation'>) => `${entry.provider ?? '*'}/${entry.operation ?? '*'}`;

/** Whether an entry's selectors match a result. */
export const budgetMatches = (entry: Pick<BudgetEntry, 'provider' | 'operation'>, result: { provider: string; operation: string }) =>
  (entry.provider === undefined || entry.provider === result.provider) &&
  (entry.operation === undefined || entry.operation === result.operation);
