/**
 * A/B mode: two providers measured on the same operation and input in ONE process, interleaved
 * round by round (A B, B A, A B, …, so drift and warm-up hit both alike), reporting the ratio of
 * their medians. Ratios measured side by side are far steadier than comparing two reports taken at
 * different times on a noisy machine.
 */
import { measureTarget } from './measure.ts';
import type { Target } from './plan.ts';
import { estimate, median, roundMs } from './stats.ts';
import type { Estimate } from './report-schema.ts';

export interface AbSide {
  provider: string;
  /** Median per-call latency of each round. */
  round_medians_ms: number[];
  median_ms: Estimate;
  success_count: number;
  error_count: number;
}

export interface AbResult {
  schema: 'worldforge.benchmark-ab@1';
  operation: string;
  fixture_digest: string;
  rounds: number;
  iterations: number;
  interleaving: string;
  a: AbSide;
  b: AbSide;
  /** median(B) ÷ median(A). */
  ratio_of_medians: number;
  claim_boundary: string;
}

export async function runAb(
  a: Target,
  b: Target,
  options: { rounds: number; iterations: number; warmup: number; env?: Readonly<Record<string, string | undefined>> },
): Promise<AbResult> {
  if (a.operation !== b.operation || a.fixture_digest !== b.fixture_digest) throw new Error('A/B sides must share operation and input');
  const shape = {
    iterations: options.iterations,
    concurrency: 1,
    warmup_iterations: options.warmup,
    samples: 1,
    measure_validation_overhead: false,
  };
  const sides = { a: { medians: [] as number[], ok: 0, err: 0 }, b: { medians: [] as number[], ok: 0, err: 0 } };
  const order: string[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const key of round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
      const result = await measureTarget(key === 'a' ? a : b, shape, options.env ?? process.env);
      sides[key].medians.push(result.sample_runs[0]!.median_ms);
      sides[key].ok += result.success_count;
      sides[key].err += result.error_count;
      order.push(key.toUpperCase());
    }
  }
  const side = (key: 'a' | 'b', target: Target): AbSide => ({
    provider: target.provider,
    round_medians_ms: sides[key].medians,
    median_ms: estimate(sides[key].medians),
    success_count: sides[key].ok,
    error_count: sides[key].err,
  });
  const ma = median(sides.a.medians);
  return {
    schema: 'worldforge.benchmark-ab@1',
    operation: a.operation,
    fixture_digest: a.fixture_digest,
    rounds: options.rounds,
    iterations: options.iterations,
    interleaving: order.join(' '),
    a: side('a', a),
    b: side('b', b),
    ratio_of_medians: ma > 0 ? roundMs(median(sides.b.medians) / ma) : 0,
    claim_boundary:
      'Ratio of per-call latency medians of two providers on one input in one process; not a quality comparison, and a replayed remote provider is timed against a local replay.',
  };
}
