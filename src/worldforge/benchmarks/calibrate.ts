/**
 * Budget calibration from preserved reports, and applying a reviewed candidate.
 *
 * Candidate thresholds follow upstream's rules: success rate = the worst observed (4 decimals),
 * error and retry counts = the worst observed, latencies = the worst median × (1 + headroom),
 * throughput = the worst median ÷ (1 + headroom); default headroom 0.25. "Worst" is over every
 * source report, so calibrating on several runs (a noisy machine's spread) widens the margin the
 * noise needs, not more. Calibration never edits a budget; applying a candidate that loosens any
 * threshold needs an explicit acceptance with a rationale, which the budget's history keeps.
 */
import {
  type BudgetEntry,
  type BudgetFile,
  budgetMatches,
  budgetSelector,
  type Metric,
  THRESHOLDS,
  type Threshold,
} from './budget-schema.ts';
import { type BudgetCandidate, CANDIDATE_SCHEMA, type ThresholdDiff } from './candidate-schema.ts';
import { observationsOf } from './gate.ts';
import type { LoadedReport } from './reports.ts';
import { roundMs } from './stats.ts';

export const DEFAULT_HEADROOM = 0.25;

export class CalibrationError extends Error {}

const uniq = <T>(values: T[]) => [...new Set(values)];

/** The worst gated value of `metric` over every measured result the entry selects, in every report. */
function worstObserved(
  entry: Pick<BudgetEntry, 'provider' | 'operation'>,
  metric: Metric,
  bound: Threshold['bound'],
  reports: readonly LoadedReport[],
): number | null {
  const values = reports.flatMap(({ report }) =>
    report.results
      .filter((r) => r.status === 'measured' && budgetMatches(entry, r))
      .map((r) => observationsOf(r)[metric]?.observed)
      .filter((v): v is number => typeof v === 'number'),
  );
  if (values.length === 0) return null;
  return bound === 'max' ? Math.max(...values) : Math.min(...values);
}

function candidateValue(t: Threshold, observed: number, headroom: number): { value: number; rationale: string } {
  switch (t.metric) {
    case 'success_rate':
      return { value: Math.floor(observed * 10_000) / 10_000, rationale: 'worst observed success rate (4 decimals, rounded down)' };
    case 'error_count':
    case 'retry_count':
      return { value: observed, rationale: `worst observed ${t.metric.replace('_', ' ')}` };
    case 'throughput_per_second':
      return { value: roundMs(observed / (1 + headroom)), rationale: `worst median throughput ÷ (1 + ${headroom}) headroom` };
    default:
      return { value: roundMs(observed * (1 + headroom)), rationale: `worst median ${t.metric} × (1 + ${headroom}) headroom` };
  }
}

/** Entries to calibrate: the current budget's, or one per measured (provider, operation) with every threshold. */
function templateEntries(current: BudgetFile | null, reports: readonly LoadedReport[]): BudgetEntry[] {
  if (current) return current.budgets;
  const pairs = uniq(
    reports.flatMap(({ report }) => report.results.filter((r) => r.status === 'measured').map((r) => `${r.provider}/${r.operation}`)),
  );
  if (pairs.length === 0) throw new CalibrationError('the reports have no measured result to calibrate from');
  return pairs.map((pair) => {
    const [provider, operation] = pair.split('/') as [string, BudgetEntry['operation']];
    return {
      provider,
      operation,
      min_success_rate: 1,
      max_error_count: 0,
      max_retry_count: 0,
      max_mean_latency_ms: 0,
      max_p95_latency_ms: 0,
      min_throughput_per_second: 0,
    };
  });
}

export interface CalibrateInput {
  reports: readonly LoadedReport[];
  /** The budget the candidate would replace (null: propose one from scratch). */
  current: { path: string; sha256: string; file: BudgetFile } | null;
  headroom?: number;
  now?: Date;
}

/** Computes a candidate budget from preserved reports. */
export function calibrate({ reports, current, headroom = DEFAULT_HEADROOM, now = new Date() }: CalibrateInput): BudgetCandidate {
  if (reports.length === 0) throw new CalibrationError('calibration needs at least one report (--from)');
  if (!(headroom >= 0 && headroom <= 10)) throw new CalibrationError(`--headroom must be between 0 and 10, got ${headroom}`);
  const presets = uniq(reports.map((r) => r.report.preset));
  if (presets.length > 1)
    throw new CalibrationError(`the reports come from different presets (${presets.join(', ')}); calibrate one preset at a time`);
  const fresh = !current;
  const diffs: ThresholdDiff[] = [];
  const budgets = templateEntries(current?.file ?? null, reports).map((entry) => {
    const next: BudgetEntry = { ...entry };
    for (const t of THRESHOLDS) {
      if (entry[t.key] === undefined) continue;
      const observed = worstObserved(entry, t.metric, t.bound, reports);
      if (observed === null)
        throw new CalibrationError(`budget ${budgetSelector(entry)} ${t.key}: no source report has a measured value for it`);
      const { value, rationale } = candidateValue(t, observed, headroom);
      const old = fresh ? null : entry[t.key]!;
      next[t.key] = value as never;
      diffs.push({
        selector: budgetSelector(entry),
        key: t.key,
        metric: t.metric,
        old_threshold: old,
        candidate_threshold: value,
        observed_baseline: observed,
        rationale: `${rationale} over ${reports.length} report(s)`,
        loosens: old !== null && (t.bound === 'max' ? value > old : value < old),
      });
    }
    return next;
  });
  const env = reports.map((r) => r.report.environment);
  return {
    schema: CANDIDATE_SCHEMA,
    preset: presets[0]!,
    generated_at: now.toISOString(),
    review_required: true,
    headroom,
    source_reports: reports.map((r) => ({
      path: r.label,
      sha256: r.sha256,
      generated_at: r.report.generated_at,
      machine_class: r.report.environment.machine_class,
    })),
    current_budget: current ? { path: current.path, sha256: current.sha256 } : null,
    baseline_context: {
      machine_classes: uniq(env.map((e) => e.machine_class)),
      node: uniq(env.map((e) => e.node)),
      platforms: uniq(env.map((e) => `${e.platform}-${e.arch}`)),
      cpu_models: uniq(env.map((e) => `${e.cpu_model} ×${e.cpu_count}`)),
      samples_per_operation: uniq(reports.flatMap((r) => r.report.results.map((x) => x.sample_runs.length))).sort((a, b) => a - b),
    },
    diffs,
    budgets,
  };
}

/** Why a candidate may not be applied as asked, or null. */
export function applyRefusal(
  candidate: BudgetCandidate,
  currentSha256: string | null,
  options: { acceptLoosening: boolean; rationale?: string },
): string | null {
  if (candidate.current_budget && currentSha256 !== candidate.current_budget.sha256) {
    return `${candidate.current_budget.path} changed since the candidate was calibrated (digest ${currentSha256 ?? 'missing'}, candidate expects ${candidate.current_budget.sha256}); calibrate again`;
  }
  const loosened = candidate.diffs.filter((d) => d.loosens);
  if (loosened.length && !(options.acceptLoosening && options.rationale?.trim())) {
    return `the candidate loosens ${loosened.length} threshold(s): ${loosened.map((d) => `${d.selector} ${d.key} ${d.old_threshold} → ${d.candidate_threshold}`).join('; ')}. Applying it needs --accept-loosening --rationale "<why>"`;
  }
  return null;
}

/** The budget file after applying a candidate: its entries, plus one history line. */
export function appliedBudget(
  current: BudgetFile,
  candidate: BudgetCandidate,
  candidateSha256: string,
  rationale: string | undefined,
  today: Date,
): BudgetFile {
  const loosened = candidate.diffs.filter((d) => d.loosens).map((d) => `${d.selector} ${d.key}`);
  return {
    ...current,
    budgets: candidate.budgets,
    history: [
      ...current.history,
      { date: today.toISOString().slice(0, 10), candidate_sha256: candidateSha256, loosened, rationale: rationale?.trim() || null },
    ],
  };
}
