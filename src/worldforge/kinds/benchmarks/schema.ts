/**
 * Benchmark evidence: one deterministic file per preset, `evidence/benchmarks/<preset>.json`. It
 * holds what does not depend on the machine — the preset definition, which (provider, operation)
 * pairs ran or skipped and why, fixture digests, call/success/error/retry/event counts, and the
 * budget verdict: count thresholds checked on this run, timing thresholds checked against the
 * preserved baseline (whose digest is an input). No timing is ever written here, so regenerating
 * is byte-identical; the timings live in the baseline (`content/benchmarks/baselines/`).
 */
import { z } from 'zod';
import { providerSelectionSchema, PRESET_CATEGORIES } from '../../benchmarks/preset-schema.ts';
import { budgetEntrySchema } from '../../benchmarks/budget-schema.ts';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { capabilitySchema, repoPathSchema, sha256Schema, skipReasonSchema } from '../../schema/primitives.ts';

export const BENCHMARKS_SCHEMA = 'worldforge.evidence.benchmarks@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const BENCHMARKS_KIND = { id: 'benchmarks', schemaName: BENCHMARKS_SCHEMA } as const;

export const benchmarkRowSchema = () =>
  z.strictObject({
    provider: z.string().min(1),
    operation: capabilitySchema(),
    /** `passed`: every call succeeded; `failed`: some call failed; `skipped`: a typed skip. */
    status: z.enum(['passed', 'failed', 'skipped']),
    skip_reason: skipReasonSchema().nullable(),
    missing_prerequisite: z.string().min(1).nullable(),
    fixture_digest: sha256Schema().nullable(),
    input_file: repoPathSchema().nullable(),
    call_count: z.int().min(0),
    success_count: z.int().min(0),
    error_count: z.int().min(0),
    retry_count: z.int().min(0),
    event_count: z.int().min(0),
    error_codes: z.array(z.string().min(1)),
  });
export type BenchmarkRow = z.infer<ReturnType<typeof benchmarkRowSchema>>;

/** One threshold check of the verdict; timing checks name the baseline instead of carrying its numbers. */
export const verdictCheckSchema = () =>
  z.strictObject({
    selector: z.string().min(1),
    provider: z.string().min(1).nullable(),
    operation: z.string().min(1).nullable(),
    metric: z.string().min(1),
    condition: z.string().min(1),
    /** `run`: counted by this suite; `baseline`: the preserved baseline's median; `missing`: no usable baseline. */
    source: z.enum(['run', 'baseline', 'missing']),
    passed: z.boolean(),
  });
export type VerdictCheck = z.infer<ReturnType<typeof verdictCheckSchema>>;

export const benchmarksBodySchema = () =>
  z.strictObject({
    preset: z.strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      category: z.enum(PRESET_CATEGORIES),
      description: z.string().min(1),
      providers: providerSelectionSchema(),
      operations: z.array(capabilitySchema()).min(1),
      iterations: z.int().min(1),
      concurrency: z.int().min(1),
      warmup_iterations: z.int().min(0),
      samples: z.int().min(1),
      measure_validation_overhead: z.boolean(),
      command: z.string().min(1),
      success_signal: z.string().min(1),
      may_fail_when: z.string().min(1),
    }),
    /** The preset file. */
    preset_file: repoPathSchema(),
    /** The budget the verdict used, with its thresholds, or null. */
    budget: z.strictObject({ path: repoPathSchema(), entries: z.array(budgetEntrySchema()), history_count: z.int().min(0) }).nullable(),
    /** The preserved baseline timing thresholds were checked against, or null. Its numbers stay in the file. */
    baseline: z
      .strictObject({
        path: repoPathSchema(),
        generated_at: z.iso.datetime(),
        machine_class: z.string().nullable(),
        /** True when every input digest the baseline recorded matches the checkout. */
        inputs_match: z.boolean(),
      })
      .nullable(),
    /** One row per (provider, operation), in plan order; skips are rows. */
    results: z.array(benchmarkRowSchema()).min(1),
    verdict: z.strictObject({
      status: z.enum(['passed', 'failed', 'no-budget']),
      check_count: z.int().min(0),
      violation_count: z.int().min(0),
      checks: z.array(verdictCheckSchema()),
    }),
  });
export type BenchmarksBody = z.infer<ReturnType<typeof benchmarksBodySchema>>;

export const benchmarksEvidenceSchema = () => evidenceDocumentSchema(BENCHMARKS_SCHEMA, benchmarksBodySchema());
export type BenchmarksEvidence = z.infer<ReturnType<typeof benchmarksEvidenceSchema>>;
