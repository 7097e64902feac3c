/**
 * The budget gate. Every threshold of every budget entry is checked against every result its
 * selectors match; a missing observed value is a violation, and so is an entry that matches no
 * result (`metric: matching_results`), so a renamed operation cannot make a budget vacuous.
 *
 * Timings gate on the MEDIAN over the preset's samples, and each check carries the order-statistic
 * confidence interval of that median: one noisy sample cannot fail the gate, while a real
 * regression moves the median itself. Counts (success rate, errors, retries) are totals.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { sha256Tag } from '../digest.ts';
import { ProblemError } from '../problem.ts';
import { zodIssues } from '../validation.ts';
import {
  type BudgetEntry,
  type BudgetFile,
  budgetFileSchema,
  budgetMatches,
  budgetSelector,
  type Metric,
  THRESHOLDS,
} from './budget-schema.ts';
import type { BenchmarkReport, Gate, GateCheck, OperationResult } from './report-schema.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

/** One observed value of a metric, with the confidence bound of a median when it is one. */
export interface Observation {
  observed: number | null;
  bound: { low: number; high: number; confidence: number } | null;
}

/** A result as the gate sees it: who, what, and its observations per metric. */
export interface GateRow {
  provider: string;
  operation: string;
  values: Partial<Record<Metric, Observation>>;
}

/** Observations of a measured result: counts as totals, timings as medians over samples. */
export function observationsOf(result: OperationResult): Partial<Record<Metric, Observation>> {
  const counts = (observed: number | null): Observation => ({ observed, bound: null });
  const median = (e: { median: number; low: number; high: number; confidence: number } | undefined): Observation =>
    e ? { observed: e.median, bound: { low: e.low, high: e.high, confidence: e.confidence } } : { observed: null, bound: null };
  return {
    success_rate: counts(result.success_rate),
    error_count: counts(result.error_count),
    retry_count: counts(result.retry_count),
    mean_latency_ms: median(result.metrics?.mean_latency_ms),
    p95_latency_ms: median(result.metrics?.p95_latency_ms),
    throughput_per_second: median(result.metrics?.throughput_per_second),
  };
}

/** Checks every threshold of `entries` against `rows`; only the metrics in `metrics` are checked. */
export function checkBudget(entries: readonly BudgetEntry[], rows: readonly GateRow[], metrics?: readonly Metric[]): GateCheck[] {
  return entries.flatMap((entry): GateCheck[] => {
    const selector = budgetSelector(entry);
    const matching = rows.filter((row) => budgetMatches(entry, row));
    if (matching.length === 0) {
      return [
        {
          selector,
          provider: null,
          operation: null,
          metric: 'matching_results',
          threshold: 1,
          condition: '>= 1',
          observed: 0,
          bound: null,
          passed: false,
        },
      ];
    }
    return matching.flatMap((row) =>
      THRESHOLDS.filter((t) => entry[t.key] !== undefined && (!metrics || metrics.includes(t.metric))).map((t): GateCheck => {
        const threshold = entry[t.key]!;
        const { observed, bound } = row.values[t.metric] ?? { observed: null, bound: null };
        const passed = observed !== null && (t.bound === 'max' ? observed <= threshold : observed >= threshold);
        return {
          selector,
          provider: row.provider,
          operation: row.operation,
          metric: t.metric,
          threshold,
          condition: `${t.bound === 'max' ? '<=' : '>='} ${threshold}`,
          observed,
          bound,
          passed,
        };
      }),
    );
  });
}

/** How a report names its budget file: repository-relative inside the checkout, else only its name. */
export function budgetLabel(path: string, root: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : full.split(sep).at(-1)!;
}

/** Reads and validates a budget file; every problem names file and field (exit 2 at the CLI). */
export function readBudgetFile(path: string, root: string): { file: BudgetFile; sha256: string; label: string } {
  const label = budgetLabel(path, root);
  let text: string;
  try {
    text = readFileSync(isAbsolute(path) ? path : join(root, path), 'utf8');
  } catch {
    throw new ProblemError([{ file: label, field: '(root)', reason: 'cannot be read' }], 'The budget file is unusable');
  }
  let raw: unknown;
  try {
    raw = strictJsonValue(text, label);
  } catch (error) {
    throw new ProblemError([{ file: label, field: '(root)', reason: jsonFailure(error) }], 'The budget file is invalid');
  }
  const parsed = budgetFileSchema().safeParse(raw);
  if (!parsed.success) {
    const problems = zodIssues(parsed.error, raw).map((i) => ({ file: label, field: i.path, reason: i.message }));
    throw new ProblemError(problems, 'The budget file is invalid');
  }
  return { file: parsed.data, sha256: sha256Tag(text), label };
}

/**
 * The gate of a report against a budget file. A run narrowed with `--provider`/`--operation` is
 * gated on the entries that can select something in that scope; within it, an entry matching no
 * result is still a violation.
 */
export function gateReport(
  report: Pick<BenchmarkReport, 'results'>,
  budgetPath: string,
  root: string,
  scope: { provider?: string; operation?: string } = {},
): Gate {
  const budget = readBudgetFile(budgetPath, root);
  const inScope = (entry: BudgetEntry) =>
    (scope.provider === undefined || entry.provider === undefined || entry.provider === scope.provider) &&
    (scope.operation === undefined || entry.operation === undefined || entry.operation === scope.operation);
  const rows = report.results
    .filter((r) => r.status === 'measured')
    .map((r) => ({ provider: r.provider, operation: r.operation, values: observationsOf(r) }));
  const checks = checkBudget(budget.file.budgets.filter(inScope), rows);
  const violations = checks.filter((c) => !c.passed);
  return {
    passed: violations.length === 0,
    budget: budget.label,
    budget_sha256: budget.sha256,
    budget_count: budget.file.budgets.length,
    checked_result_count: rows.length,
    violation_count: violations.length,
    checks,
  };
}

/** One line per violation: operation, metric, threshold, observed (with the bound) and budget selector. */
export function violationLines(gate: Gate, reportPath: string): string[] {
  return gate.checks
    .filter((c) => !c.passed)
    .map((c) => {
      const bound = c.bound
        ? ` (median of samples; ${Math.round(c.bound.confidence * 1000) / 10}% CI [${c.bound.low}, ${c.bound.high}])`
        : '';
      const who = c.operation ? `${c.provider}/${c.operation}` : 'no result';
      return `budget violation: ${who} ${c.metric} observed ${c.observed ?? 'missing'}${bound}, threshold ${c.condition}, budget ${c.selector} in ${gate.budget}; report ${reportPath}`;
    });
}
