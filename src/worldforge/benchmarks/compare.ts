/**
 * The comparison model: one structure for `worldforge compare` (JSON, Markdown, CSV) and the site's
 * benchmark pages. Results are grouped by operation (= capability), fixture digest and suite
 * version; each row carries its provider, budget and budget status, counts and medians, and its
 * delta against the group's first measured row. Skips and results missing from a report are rows,
 * never dropped. Reports that cannot be compared are refused with the exact mismatch: different
 * suite versions, no operation in common, or one operation measured on different inputs.
 */
import type { BenchmarkReport, OperationResult } from './report-schema.ts';
import { roundMs } from './stats.ts';

export const COMPARISON_SCHEMA = 'worldforge.benchmark-comparison@1';

/** What every rendering of a comparison says about what it does not show. */
export const COMPARISON_BOUNDARY =
  'Latency of the WorldForge call path for one operation on one input, on the machines named. This is not a ranking of providers across tasks and makes no claim about output quality; a replayed remote provider is timed against a local replay, not its upstream service.';

export interface ComparedReport {
  label: string;
  sha256: string;
  report: BenchmarkReport;
}

export interface ComparisonRow {
  report: string;
  provider: string;
  status: 'measured' | 'skipped' | 'missing';
  skip_reason: string | null;
  missing_prerequisite: string | null;
  budget: string | null;
  budget_status: 'passed' | 'failed' | 'no-budget';
  machine_class: string | null;
  samples: number;
  success_rate: number | null;
  error_count: number | null;
  retry_count: number | null;
  event_count: number | null;
  mean_latency_ms: number | null;
  p95_latency_ms: number | null;
  throughput_per_second: number | null;
  /** Against the group's first measured row: mean latency difference (ms) and ratio. */
  delta_mean_ms: number | null;
  ratio_mean: number | null;
}

export interface ComparisonGroup {
  operation: string;
  capability: string;
  fixture_digest: string | null;
  suite_version: string;
  rows: ComparisonRow[];
}

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA;
  reports: { label: string; sha256: string; preset: string; suite_version: string; generated_at: string; machine_class: string | null }[];
  groups: ComparisonGroup[];
  claim_boundary: string;
}

/** Reports that must not be compared; the message names the mismatch. */
export class ComparisonRefused extends Error {}

function budgetStatus(report: BenchmarkReport, result: OperationResult): ComparisonRow['budget_status'] {
  if (!report.gate) return 'no-budget';
  const checks = report.gate.checks.filter(
    (c) => c.provider === null || (c.provider === result.provider && c.operation === result.operation),
  );
  return checks.some((c) => !c.passed) ? 'failed' : 'passed';
}

function rowOf(entry: ComparedReport, result: OperationResult): ComparisonRow {
  const m = result.metrics;
  return {
    report: entry.label,
    provider: result.provider,
    status: result.status,
    skip_reason: result.skip_reason,
    missing_prerequisite: result.missing_prerequisite,
    budget: entry.report.gate?.budget ?? null,
    budget_status: budgetStatus(entry.report, result),
    machine_class: entry.report.environment.machine_class,
    samples: result.sample_runs.length,
    success_rate: result.success_rate,
    error_count: result.status === 'measured' ? result.error_count : null,
    retry_count: result.status === 'measured' ? result.retry_count : null,
    event_count: result.status === 'measured' ? result.event_count : null,
    mean_latency_ms: m?.mean_latency_ms.median ?? null,
    p95_latency_ms: m?.p95_latency_ms.median ?? null,
    throughput_per_second: m?.throughput_per_second.median ?? null,
    delta_mean_ms: null,
    ratio_mean: null,
  };
}

const missingRow = (entry: ComparedReport): ComparisonRow => ({
  report: entry.label,
  provider: '—',
  status: 'missing',
  skip_reason: null,
  missing_prerequisite: 'this report has no result for the operation',
  budget: entry.report.gate?.budget ?? null,
  budget_status: entry.report.gate ? 'passed' : 'no-budget',
  machine_class: entry.report.environment.machine_class,
  samples: 0,
  success_rate: null,
  error_count: null,
  retry_count: null,
  event_count: null,
  mean_latency_ms: null,
  p95_latency_ms: null,
  throughput_per_second: null,
  delta_mean_ms: null,
  ratio_mean: null,
});

const opsOf = (report: BenchmarkReport) => [...new Set(report.results.map((r) => r.operation))];

/** Refuses incompatible reports, naming the mismatch. */
function assertComparable(entries: readonly ComparedReport[]): void {
  const versions = [...new Set(entries.map((e) => e.report.suite_version))];
  if (versions.length > 1) {
    throw new ComparisonRefused(
      `suite mismatch: ${entries.map((e) => `${e.label} is benchmark suite ${e.report.suite_version}`).join(', ')}; re-run them with one version`,
    );
  }
  if (entries.length < 2) return;
  const shared = opsOf(entries[0]!.report).filter((op) => entries.every((e) => opsOf(e.report).includes(op)));
  if (shared.length === 0) {
    throw new ComparisonRefused(
      `capability mismatch: ${entries.map((e) => `${e.label} covers ${opsOf(e.report).join(', ')}`).join('; ')} — no operation in common, nothing to compare`,
    );
  }
  for (const op of shared) {
    const digests = entries.flatMap((e) =>
      e.report.results
        .filter((r) => r.operation === op && r.fixture_digest)
        .map((r) => ({ label: `${e.label} (${r.provider})`, digest: r.fixture_digest! })),
    );
    if (new Set(digests.map((d) => d.digest)).size > 1) {
      throw new ComparisonRefused(
        `fixture mismatch for ${op}: ${digests.map((d) => `${d.label} ran ${d.digest}`).join(', ')}; compare runs of the same input`,
      );
    }
  }
}

/** Builds the comparison of `entries` (one report is allowed: its rows without deltas). */
export function buildComparison(entries: readonly ComparedReport[]): Comparison {
  if (entries.length === 0) throw new ComparisonRefused('nothing to compare: pass at least one report or run folder');
  assertComparable(entries);
  const operations = [...new Set(entries.flatMap((e) => opsOf(e.report)))];
  const groups = operations.map((operation): ComparisonGroup => {
    const rows = entries.flatMap((e) => {
      const results = e.report.results.filter((r) => r.operation === operation);
      return results.length ? results.map((r) => rowOf(e, r)) : [missingRow(e)];
    });
    const reference = rows.find((r) => r.mean_latency_ms !== null && r.mean_latency_ms > 0);
    for (const row of rows) {
      if (!reference || row === reference || row.mean_latency_ms === null) continue;
      row.delta_mean_ms = roundMs(row.mean_latency_ms - reference.mean_latency_ms!);
      row.ratio_mean = roundMs(row.mean_latency_ms / reference.mean_latency_ms!);
    }
    const digest =
      entries.flatMap((e) => e.report.results.filter((r) => r.operation === operation).map((r) => r.fixture_digest)).find(Boolean) ?? null;
    return { operation, capability: operation, fixture_digest: digest, suite_version: entries[0]!.report.suite_version, rows };
  });
  return {
    schema: COMPARISON_SCHEMA,
    reports: entries.map((e) => ({
      label: e.label,
      sha256: e.sha256,
      preset: e.report.preset,
      suite_version: e.report.suite_version,
      generated_at: e.report.generated_at,
      machine_class: e.report.environment.machine_class,
    })),
    groups,
    claim_boundary: COMPARISON_BOUNDARY,
  };
}
