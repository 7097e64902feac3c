/**
 * Statistics over repeated samples. tinybench computes the latency statistics of each sample; this
 * module only combines samples: their median, and a distribution-free confidence interval for it
 * from order statistics (no normality assumption, which latency samples never satisfy).
 */
import type { Estimate } from './report-schema.ts';

/** The confidence level the interval aims for; smaller sample counts report the coverage they reach. */
export const TARGET_CONFIDENCE = 0.9;

function binomialCdfHalf(n: number, k: number): number {
  // P(X <= k) for X ~ Bin(n, 1/2).
  let sum = 0;
  let coefficient = 1;
  for (let i = 0; i <= k; i += 1) {
    if (i > 0) coefficient = (coefficient * (n - i + 1)) / i;
    sum += coefficient;
  }
  return sum / 2 ** n;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median with the narrowest order-statistic interval [x(k), x(n−k+1)] whose coverage
 * 1 − 2·P(Bin(n, ½) ≤ k−1) is at least `TARGET_CONFIDENCE`; with too few samples for that, the
 * full range [min, max] and the coverage it actually has.
 */
export function estimate(values: readonly number[]): Estimate {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const m = median(sorted);
  if (n === 1) return { median: m, low: m, high: m, confidence: 0 };
  let k = 1;
  while (k + 1 <= Math.floor(n / 2) && 1 - 2 * binomialCdfHalf(n, k) >= TARGET_CONFIDENCE) k += 1;
  const confidence = 1 - 2 * binomialCdfHalf(n, k - 1);
  return { median: m, low: sorted[k - 1]!, high: sorted[n - k]!, confidence: Math.round(confidence * 10_000) / 10_000 };
}

/** Rounds a timing for reports: 4 significant decimals are far below the noise. */
export const roundMs = (value: number) => Math.round(value * 10_000) / 10_000;
