/**
 * Measures one target with tinybench: per sample, `warmup_iterations` unmeasured calls, then
 * `iterations` measured calls (tinybench's `time: 0` makes the iteration count exact), `concurrency`
 * of them in flight at once. tinybench computes each sample's latency statistics; outcomes,
 * provider events and replay retries are counted here, over measured calls only. Every call goes
 * through `Provider.call`, so validation, events and redaction are part of what is timed.
 *
 * The validation-overhead figure is taken for in-process providers only: a remote handler's time is
 * dominated by its HTTP exchange, and re-running it would consume the replay script twice.
 *
 * Latency statistics cover every measured call, failed ones included (a failing operation also
 * fails its success-rate budget, so it can never pass on fast errors).
 */
import { Bench } from 'tinybench';
import { capabilityContracts, type Capability } from '../capabilities/index.ts';
import { WorldForgeError } from '../errors.ts';
import type { Provider } from '../providers/base.ts';
import { CATALOG } from '../providers/catalog.ts';
import { withBenchmarkProvider } from './harness.ts';
import type { Target } from './plan.ts';
import type { Preset } from './preset-schema.ts';
import type { OperationResult, SampleRun } from './report-schema.ts';
import { estimate, median, roundMs } from './stats.ts';

export type Shape = Pick<Preset, 'iterations' | 'concurrency' | 'warmup_iterations' | 'samples' | 'measure_validation_overhead'>;

/** One call through the user's path; a thrown WorldForgeError is an outcome, anything else a harness bug. */
export async function callOnce(
  provider: Provider,
  target: Pick<Target, 'operation' | 'request'>,
): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    await provider.call(target.operation, target.request);
    return { ok: true };
  } catch (error) {
    if (error instanceof WorldForgeError) return { ok: false, code: error.code };
    throw error;
  }
}

/**
 * The handler of a provider without the contract around it, for the validation-overhead figure.
 * `handlers` is protected in TypeScript only; the benchmark reads it to time the same code minus
 * parsing, and never reaches a handler the profile does not advertise.
 */
function rawHandler(provider: Provider, operation: Capability, request: unknown): () => Promise<unknown> {
  const handlers = Reflect.get(provider, 'handlers') as Record<string, (r: unknown) => unknown>;
  const handler = handlers[operation];
  if (!handler || !provider.supports(operation)) throw new Error(`${provider.name} has no ${operation} handler`);
  const parsed = capabilityContracts[operation].request.parse(request);
  return async () => handler.call(provider, parsed);
}

interface Counters {
  measuring: boolean;
  successes: number;
  errors: number;
  events: number;
  codes: Set<string>;
}

const benchOptions = (shape: Shape) => ({
  iterations: shape.iterations,
  time: 0,
  warmup: shape.warmup_iterations > 0,
  warmupIterations: shape.warmup_iterations,
  warmupTime: 0,
  concurrency: shape.concurrency > 1 ? ('task' as const) : null,
  threshold: shape.concurrency > 1 ? shape.concurrency : Number.POSITIVE_INFINITY,
  throws: true,
});

/** Statistics of one finished tinybench task, or an error naming the task. */
function sampleOf(bench: Bench, name: string, successes: number, elapsedMs: number): SampleRun {
  const result = bench.getTask(name)?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark task ${name} did not complete (${result?.state ?? 'missing'})`);
  const { latency } = result;
  return {
    min_ms: roundMs(latency.min),
    mean_ms: roundMs(latency.mean),
    median_ms: roundMs(latency.p50),
    p95_ms: roundMs(latency.samples ? percentile(latency.samples, 0.95) : latency.p99),
    max_ms: roundMs(latency.max),
    throughput_per_second: roundMs(elapsedMs > 0 ? (successes * 1000) / elapsedMs : 0),
  };
}

/** Linear-interpolation percentile of sorted samples (tinybench exposes p75/p99, not p95). */
function percentile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Measures one target: `samples` tinybench runs, their statistics, and the counts over measured calls. */
export async function measureTarget(
  target: Target,
  shape: Shape,
  env: Readonly<Record<string, string | undefined>>,
): Promise<OperationResult> {
  const counters: Counters = { measuring: false, successes: 0, errors: 0, events: 0, codes: new Set() };
  const sink = () => {
    if (counters.measuring) counters.events += 1;
  };
  return withBenchmarkProvider(target.provider, target.operation, sink, env, async ({ provider, retries }) => {
    const runs: SampleRun[] = [];
    const validated: number[] = [];
    const raw: number[] = [];
    const overheadOn = shape.measure_validation_overhead && !CATALOG[target.provider]?.replay;
    let retryCount = 0;
    for (let s = 0; s < shape.samples; s += 1) {
      const bench = new Bench({ ...benchOptions(shape), retainSamples: true });
      let started = 0;
      let elapsed = 0;
      let sampleSuccesses = 0;
      let retryMark = 0;
      bench.add(
        'validated',
        async () => {
          const outcome = await callOnce(provider, target);
          if (!counters.measuring) return;
          if (outcome.ok) {
            counters.successes += 1;
            sampleSuccesses += 1;
          } else {
            counters.errors += 1;
            counters.codes.add(outcome.code);
          }
        },
        {
          beforeAll(mode) {
            counters.measuring = mode === 'run';
            retryMark = retries();
            started = performance.now();
          },
          afterAll(mode) {
            if (mode === 'run') {
              elapsed = performance.now() - started;
              retryCount += retries() - retryMark;
            }
            counters.measuring = false;
          },
        },
      );
      if (overheadOn) bench.add('raw', rawHandler(provider, target.operation, target.request));
      await bench.run();
      runs.push(sampleOf(bench, 'validated', sampleSuccesses, elapsed));
      validated.push(runs.at(-1)!.median_ms);
      if (overheadOn) raw.push(sampleOf(bench, 'raw', shape.iterations, 1).median_ms);
    }
    const calls = counters.successes + counters.errors;
    const pick = (key: keyof SampleRun) => estimate(runs.map((r) => r[key]));
    const overhead = overheadOn
      ? {
          validated_median_ms: estimate(validated),
          raw_median_ms: estimate(raw),
          overhead_ms: roundMs(median(validated) - median(raw)),
          ratio: roundMs(median(raw) > 0 ? median(validated) / median(raw) : 0),
        }
      : null;
    return {
      provider: target.provider,
      operation: target.operation,
      status: 'measured',
      skip_reason: null,
      missing_prerequisite: null,
      fixture_digest: target.fixture_digest,
      input_file: target.input_file,
      iterations: shape.iterations,
      concurrency: shape.concurrency,
      warmup_iterations: shape.warmup_iterations,
      call_count: calls,
      success_count: counters.successes,
      error_count: counters.errors,
      success_rate: calls > 0 ? roundMs(counters.successes / calls) : null,
      retry_count: retryCount,
      event_count: counters.events,
      error_codes: [...counters.codes].sort(),
      sample_runs: runs,
      metrics: {
        min_latency_ms: pick('min_ms'),
        mean_latency_ms: pick('mean_ms'),
        median_latency_ms: pick('median_ms'),
        p95_latency_ms: pick('p95_ms'),
        max_latency_ms: pick('max_ms'),
        throughput_per_second: pick('throughput_per_second'),
      },
      validation_overhead: overhead,
    };
  });
}
