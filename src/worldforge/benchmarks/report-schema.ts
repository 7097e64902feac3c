/**
 * The timing report of one `benchmark run`: every measured (provider, operation) with its counts,
 * per-sample latency statistics and their median with a confidence bound, the environment it ran
 * on, the digests of its inputs and budget, and the gate verdict. Reports land in the run's
 * workspace (`.worldforge/runs/<id>/reports/`); a preserved report is a baseline
 * (`content/benchmarks/baselines/<preset>.json`), compared only through budgets, never byte-diffed.
 * `compare` and `budgets calibrate` read reports with this schema.
 */
import { z } from 'zod';
import { capabilitySchema, providerIdSchema, repoPathSchema, sha256Schema, skipReasonSchema } from '../schema/primitives.ts';

export const REPORT_SCHEMA = 'worldforge.benchmark-report@1';

/** Bump when what a report's numbers mean changes; `compare` refuses reports of different versions. */
export const BENCHMARK_SUITE_VERSION = '1';

/**
 * A metric over the samples: their median, and the distribution-free confidence interval of the
 * median given by order statistics (for 5 samples, [min, max] covers the true median with 93.75 %).
 */
export const estimateSchema = () =>
  z.strictObject({
    median: z.number().min(0),
    low: z.number().min(0),
    high: z.number().min(0),
    /** Coverage of [low, high] for the median, in [0, 1); 0 with a single sample. */
    confidence: z.number().min(0).max(1),
  });
export type Estimate = z.infer<ReturnType<typeof estimateSchema>>;

/** One sample: a tinybench run of `iterations` calls. */
export const sampleRunSchema = () =>
  z.strictObject({
    min_ms: z.number().min(0),
    mean_ms: z.number().min(0),
    median_ms: z.number().min(0),
    p95_ms: z.number().min(0),
    max_ms: z.number().min(0),
    /** Successful calls per second of wall time. */
    throughput_per_second: z.number().min(0),
  });
export type SampleRun = z.infer<ReturnType<typeof sampleRunSchema>>;

export const latencyMetricsSchema = () =>
  z.strictObject({
    min_latency_ms: estimateSchema(),
    mean_latency_ms: estimateSchema(),
    median_latency_ms: estimateSchema(),
    p95_latency_ms: estimateSchema(),
    max_latency_ms: estimateSchema(),
    throughput_per_second: estimateSchema(),
  });
export type LatencyMetrics = z.infer<ReturnType<typeof latencyMetricsSchema>>;

/** Contract validation overhead: the same calls with request and result parsing bypassed. */
export const validationOverheadSchema = () =>
  z.strictObject({
    /** Median per-call latency through `Provider.call` (parse request, handler, parse result, event). */
    validated_median_ms: estimateSchema(),
    /** Median per-call latency of the handler alone, on the already-parsed request. */
    raw_median_ms: estimateSchema(),
    /** validated − raw medians, per call. */
    overhead_ms: z.number(),
    /** validated ÷ raw medians. */
    ratio: z.number().min(0),
  });

export const operationResultSchema = () =>
  z.strictObject({
    provider: providerIdSchema(),
    operation: capabilitySchema(),
    /** `measured`, or `skipped` with a typed reason and the prerequisite that is missing. */
    status: z.enum(['measured', 'skipped']),
    skip_reason: skipReasonSchema().nullable(),
    missing_prerequisite: z.string().min(1).nullable(),
    /** Digest of the canonical request (null when skipped before a request was chosen). */
    fixture_digest: sha256Schema().nullable(),
    /** Input file the request came from. */
    input_file: repoPathSchema().nullable(),
    iterations: z.int().min(0),
    concurrency: z.int().min(1),
    warmup_iterations: z.int().min(0),
    /** Measured calls over every sample (warm-up excluded). */
    call_count: z.int().min(0),
    success_count: z.int().min(0),
    error_count: z.int().min(0),
    /** successes ÷ calls; null when nothing ran. */
    success_rate: z.number().min(0).max(1).nullable(),
    /** Retryable answers (408/429/5xx) the loopback server gave; in-process providers have no retry path. */
    retry_count: z.int().min(0),
    /** Provider events of the measured calls. */
    event_count: z.int().min(0),
    /** Typed error codes seen, sorted, unique. */
    error_codes: z.array(z.string().min(1)),
    sample_runs: z.array(sampleRunSchema()),
    metrics: latencyMetricsSchema().nullable(),
    validation_overhead: validationOverheadSchema().nullable(),
  });
export type OperationResult = z.infer<ReturnType<typeof operationResultSchema>>;

/** Facts about the machine; they live in reports and baselines only, never in deterministic evidence. */
export const environmentSchema = () =>
  z.strictObject({
    node: z.string().min(1),
    platform: z.string().min(1),
    arch: z.string().min(1),
    cpu_model: z.string().min(1),
    cpu_count: z.int().min(1),
    /** `WORLDFORGE_MACHINE_CLASS` when set: the label budgets are calibrated for. */
    machine_class: z.string().min(1).nullable(),
    /** The harness and its version. */
    harness: z.string().min(1),
  });
export type BenchmarkEnvironment = z.infer<ReturnType<typeof environmentSchema>>;

/** One budget check: a metric of a result against one threshold, on the median of the samples. */
export const gateCheckSchema = () =>
  z.strictObject({
    selector: z.string().min(1),
    /** Null for a budget entry that matched no result (`metric: matching_results`). */
    provider: z.string().min(1).nullable(),
    operation: z.string().min(1).nullable(),
    metric: z.string().min(1),
    threshold: z.number(),
    /** `<= x` or `>= x`. */
    condition: z.string().min(1),
    /** The gated value: the median over samples for timings, the total for counts; null when missing. */
    observed: z.number().nullable(),
    /** Confidence interval of the median (timings only). */
    bound: z.strictObject({ low: z.number(), high: z.number(), confidence: z.number() }).nullable(),
    passed: z.boolean(),
  });
export type GateCheck = z.infer<ReturnType<typeof gateCheckSchema>>;

export const gateSchema = () =>
  z.strictObject({
    passed: z.boolean(),
    /** Budget file: repository-relative, or only its name when it lives outside the checkout. */
    budget: z.string().min(1),
    budget_sha256: sha256Schema(),
    budget_count: z.int().min(0),
    checked_result_count: z.int().min(0),
    violation_count: z.int().min(0),
    checks: z.array(gateCheckSchema()),
  });
export type Gate = z.infer<ReturnType<typeof gateSchema>>;

export const reportSchema = () =>
  z
    .strictObject({
      schema: z.literal(REPORT_SCHEMA),
      preset: z.string().min(1),
      suite_version: z.string().min(1),
      /** When the run finished (ISO 8601): reports are dated, deterministic evidence is not. */
      generated_at: z.iso.datetime(),
      command: z.string().min(1),
      environment: environmentSchema(),
      /** Input files (preset, requests) with their digests. */
      inputs: z.array(z.strictObject({ path: repoPathSchema(), sha256: sha256Schema() })),
      results: z.array(operationResultSchema()),
      /** The budget verdict, or null when the run had no budget. */
      gate: gateSchema().nullable(),
    })
    .refine((r) => r.results.every((x) => x.success_count + x.error_count === x.call_count), {
      message: 'success_count + error_count must equal call_count',
      path: ['results'],
    });
export type BenchmarkReport = z.infer<ReturnType<typeof reportSchema>>;
