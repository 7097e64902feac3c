/**
 * The benchmarks suite: one document per preset. It runs each planned (provider, operation)
 * `iterations` times through the same harness `benchmark run` uses — `Provider.call`, replayed
 * remotes, typed skips — but without a clock: it counts calls, successes, errors, retries and
 * events, checks the budget's count thresholds on those counts, and its timing thresholds against
 * the preserved baseline (an input, so re-recording it makes this evidence stale).
 */
import { type BenchmarkData, baselinePath, loadBenchmarkData } from '../../benchmarks/data.ts';
import { COUNT_METRICS, type BudgetFile, type Metric, THRESHOLDS } from '../../benchmarks/budget-schema.ts';
import { checkBudget, type GateRow, observationsOf } from '../../benchmarks/gate.ts';
import { harnessInputs, withBenchmarkProvider } from '../../benchmarks/harness.ts';
import { callOnce } from '../../benchmarks/measure.ts';
import { type PlanItem, planPreset } from '../../benchmarks/plan.ts';
import type { Preset } from '../../benchmarks/preset-schema.ts';
import type { BenchmarkReport } from '../../benchmarks/report-schema.ts';
import { buildEvidenceDocument } from '../../evidence/suite/document.ts';
import { memoize } from '../../evidence/suite/memo.ts';
import { inputDigest, REPO_ROOT, sourceOf } from '../../evidence/suite/repo.ts';
import { once } from '../../once.ts';
import { CATALOG } from '../../providers/catalog.ts';
import { BENCHMARKS_KIND, type BenchmarkRow, type BenchmarksBody, type BenchmarksEvidence, type VerdictCheck } from './schema.ts';

/** Benchmark modules whose behaviour the evidence depends on. */
const BENCHMARK_SOURCES = [
  'data.ts',
  'gate.ts',
  'harness.ts',
  'measure.ts',
  'plan.ts',
  'budget-schema.ts',
  'preset-schema.ts',
  'report-schema.ts',
].map((file) => `src/worldforge/benchmarks/${file}`);

const repoBenchmarkData = once(() => loadBenchmarkData(REPO_ROOT));

/** Calls one planned item `iterations` times and counts the outcomes (no clock). */
async function countItem(item: PlanItem, preset: Preset): Promise<BenchmarkRow> {
  const row = {
    provider: item.provider,
    operation: item.operation,
    call_count: 0,
    success_count: 0,
    error_count: 0,
    retry_count: 0,
    event_count: 0,
    error_codes: [] as string[],
  };
  if (item.kind === 'skip') {
    return {
      ...row,
      status: 'skipped',
      skip_reason: item.skip_reason,
      missing_prerequisite: item.missing_prerequisite,
      fixture_digest: null,
      input_file: null,
    };
  }
  const codes = new Set<string>();
  const sink = () => {
    row.event_count += 1;
  };
  await withBenchmarkProvider(item.provider, item.operation, sink, {}, async ({ provider, retries }) => {
    for (let i = 0; i < preset.iterations; i += 1) {
      const outcome = await callOnce(provider, item);
      row.call_count += 1;
      if (outcome.ok) row.success_count += 1;
      else {
        row.error_count += 1;
        codes.add(outcome.code);
      }
    }
    row.retry_count = retries();
  });
  return {
    ...row,
    error_codes: [...codes].sort(),
    status: row.error_count === 0 ? 'passed' : 'failed',
    skip_reason: null,
    missing_prerequisite: null,
    fixture_digest: item.fixture_digest,
    input_file: item.input_file,
  };
}

const TIMING_METRICS: readonly Metric[] = THRESHOLDS.map((t) => t.metric).filter((m) => !COUNT_METRICS.includes(m));

/** The verdict: count thresholds on this run's counts, timing thresholds on the baseline's medians. */
function verdictOf(
  budget: BudgetFile | null,
  rows: readonly BenchmarkRow[],
  baseline: BenchmarkReport | null,
  baselineUsable: boolean,
): BenchmarksBody['verdict'] {
  if (!budget) return { status: 'no-budget', check_count: 0, violation_count: 0, checks: [] };
  const ran = rows.filter((r) => r.status !== 'skipped');
  const countRows: GateRow[] = ran.map((r) => ({
    provider: r.provider,
    operation: r.operation,
    values: {
      success_rate: { observed: r.call_count ? r.success_count / r.call_count : null, bound: null },
      error_count: { observed: r.error_count, bound: null },
      retry_count: { observed: r.retry_count, bound: null },
    },
  }));
  const counted = checkBudget(budget.budgets, countRows, COUNT_METRICS).map((c): VerdictCheck => ({ ...strip(c), source: 'run' }));
  const needsTiming = budget.budgets.some((entry) =>
    THRESHOLDS.some((t) => TIMING_METRICS.includes(t.metric) && entry[t.key] !== undefined),
  );
  let timed: VerdictCheck[] = [];
  if (needsTiming) {
    const baselineRows: GateRow[] =
      baseline && baselineUsable
        ? baseline.results
            .filter((r) => r.status === 'measured')
            .map((r) => ({ provider: r.provider, operation: r.operation, values: observationsOf(r) }))
        : ran.map((r) => ({ provider: r.provider, operation: r.operation, values: {} }));
    const source = baseline && baselineUsable ? 'baseline' : 'missing';
    timed = checkBudget(
      budget.budgets.filter((entry) => THRESHOLDS.some((t) => TIMING_METRICS.includes(t.metric) && entry[t.key] !== undefined)),
      baselineRows,
      TIMING_METRICS,
    )
      .filter((c) => c.metric !== 'matching_results')
      .map((c): VerdictCheck => ({ ...strip(c), source }));
  }
  const checks = [...counted, ...timed];
  const violations = checks.filter((c) => !c.passed).length;
  return { status: violations === 0 ? 'passed' : 'failed', check_count: checks.length, violation_count: violations, checks };
}

/** A gate check without its observed numbers (timings must not reach deterministic evidence). */
const strip = (c: ReturnType<typeof checkBudget>[number]): Omit<VerdictCheck, 'source'> => ({
  selector: c.selector,
  provider: c.provider,
  operation: c.operation,
  metric: c.metric,
  condition: c.condition,
  passed: c.passed,
});

async function buildBenchmarksEvidence(id: string, data: BenchmarkData = repoBenchmarkData()): Promise<BenchmarksEvidence> {
  const located = data.presets.find((p) => p.value.id === id);
  if (!located) throw new Error(`unknown benchmark preset '${id}'`);
  const preset = located.value;
  const plan = planPreset(preset, data, { env: {} });
  const rows: BenchmarkRow[] = [];
  for (const item of plan) rows.push(await countItem(item, preset));
  const budget = preset.budget ? (data.budgets.get(preset.budget) ?? null) : null;
  const baselineFile = data.baselines.get(preset.id) ?? null;
  const currentInputs = [located.path, ...preset.inputs].map(inputDigest);
  const inputsMatch =
    baselineFile !== null &&
    currentInputs.every((current) => baselineFile.value.inputs.some((i) => i.path === current.path && i.sha256 === current.sha256));
  const verdict = verdictOf(budget, rows, baselineFile?.value ?? null, inputsMatch);
  const body: BenchmarksBody = {
    preset: {
      id: preset.id,
      title: preset.title,
      category: preset.category,
      description: preset.description,
      providers: preset.providers,
      operations: preset.operations,
      iterations: preset.iterations,
      concurrency: preset.concurrency,
      warmup_iterations: preset.warmup_iterations,
      samples: preset.samples,
      measure_validation_overhead: preset.measure_validation_overhead,
      command: preset.command,
      success_signal: preset.success_signal,
      may_fail_when: preset.may_fail_when,
    },
    preset_file: located.path,
    budget: budget && preset.budget ? { path: preset.budget, entries: budget.budgets, history_count: budget.history.length } : null,
    baseline: baselineFile
      ? {
          path: baselineFile.path,
          generated_at: baselineFile.value.generated_at,
          machine_class: baselineFile.value.environment.machine_class,
          inputs_match: inputsMatch,
        }
      : null,
    results: rows,
    verdict,
  };
  const allSkipped = rows.every((r) => r.status === 'skipped');
  const status = allSkipped ? 'skipped' : rows.some((r) => r.status === 'failed') || verdict.status === 'failed' ? 'failed' : 'passed';
  const providers = [...new Set(plan.filter((i) => i.kind === 'target').map((i) => i.provider))];
  return buildEvidenceDocument(BENCHMARKS_KIND, {
    name: preset.id,
    subject: { preset: preset.id, ...(providers.length === 1 ? { provider: providers[0] } : {}) },
    suite_version: '1',
    inputs: [
      sourceOf(import.meta.url),
      ...BENCHMARK_SOURCES,
      located.path,
      ...preset.inputs,
      ...(preset.budget ? [preset.budget] : []),
      ...(baselineFile ? [baselineFile.path] : []),
      ...providers.flatMap((name) => CATALOG[name]!.sources),
      ...plan.flatMap((item) => (item.kind === 'target' ? harnessInputs(item.provider, item.operation) : [])),
    ],
    body,
    status,
    skip_reason: allSkipped ? (rows[0]!.skip_reason ?? 'missing_runtime') : null,
    event_count: rows.reduce((n, r) => n + r.event_count, 0),
    budget: preset.budget,
    claim_boundary: `${preset.claim_boundary} Counts come from one unmeasured pass of ${preset.iterations} call(s) per operation; timing thresholds are checked against the preserved baseline ${baselinePath(preset.id)}, never re-measured here.`,
  });
}

/** The evidence of one preset (built once per process). */
export const benchmarksEvidence = memoize((id: string) => buildBenchmarksEvidence(id));

/** One subject per preset: `benchmarks/<preset>`. */
export const subjects = () =>
  repoBenchmarkData().presets.map(({ value }) => ({ name: value.id, build: () => benchmarksEvidence(value.id) }));

/** For tests: the same build over hand-made data. */
export { buildBenchmarksEvidence };
