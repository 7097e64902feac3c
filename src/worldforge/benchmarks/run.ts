/**
 * Runs a preset: plans its targets, measures each (skips stay rows), checks the budget and returns
 * the timing report. Pure of any file writing: the CLI writes the report into the run workspace
 * (the run workspace, runs/workspace.ts) and, with `--baseline`, preserves it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Tag } from '../digest.ts';
import type { BenchmarkData } from './data.ts';
import { benchmarkEnvironment } from './environment.ts';
import { gateReport } from './gate.ts';
import { measureTarget } from './measure.ts';
import { type PlanFilter, type Skip, planPreset } from './plan.ts';
import type { Preset } from './preset-schema.ts';
import { BENCHMARK_SUITE_VERSION, type BenchmarkReport, type OperationResult, REPORT_SCHEMA } from './report-schema.ts';

/** The row of a typed skip: no calls, no timings, the prerequisite named. */
export function skippedResult(skip: Skip, preset: Pick<Preset, 'iterations' | 'concurrency' | 'warmup_iterations'>): OperationResult {
  return {
    provider: skip.provider,
    operation: skip.operation,
    status: 'skipped',
    skip_reason: skip.skip_reason,
    missing_prerequisite: skip.missing_prerequisite,
    fixture_digest: null,
    input_file: null,
    iterations: preset.iterations,
    concurrency: preset.concurrency,
    warmup_iterations: preset.warmup_iterations,
    call_count: 0,
    success_count: 0,
    error_count: 0,
    success_rate: null,
    retry_count: 0,
    event_count: 0,
    error_codes: [],
    sample_runs: [],
    metrics: null,
    validation_overhead: null,
  };
}

export interface RunOptions {
  root: string;
  presetPath: string;
  /** Budget file to gate on (repository path or as given); defaults to the preset's. Null: no gate. */
  budgetPath?: string | null;
  filter?: PlanFilter;
  env?: Readonly<Record<string, string | undefined>>;
  /** Overrides of the preset's shape (tests and quick local runs). */
  shape?: Partial<Pick<Preset, 'iterations' | 'samples' | 'warmup_iterations'>>;
  command: string;
  onProgress?: (line: string) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

const digestOf = (root: string, path: string) => sha256Tag(readFileSync(join(root, path)));

/** Runs `preset` and returns its timing report (with the budget verdict when there is a budget). */
export async function runPreset(preset: Preset, data: BenchmarkData, options: RunOptions): Promise<BenchmarkReport> {
  const env = options.env ?? process.env;
  const shape = { ...preset, ...options.shape };
  const plan = planPreset(preset, data, { env, filter: options.filter });
  const results: OperationResult[] = [];
  for (const item of plan) {
    options.onProgress?.(`${item.kind === 'skip' ? 'skipping' : 'measuring'} ${item.provider}/${item.operation}`);
    results.push(item.kind === 'skip' ? skippedResult(item, shape) : await measureTarget(item, shape, env));
  }
  const inputs = [options.presetPath, ...preset.inputs].map((path) => ({ path, sha256: digestOf(options.root, path) }));
  const budgetPath = options.budgetPath === undefined ? preset.budget : options.budgetPath;
  const report: BenchmarkReport = {
    schema: REPORT_SCHEMA,
    preset: preset.id,
    suite_version: BENCHMARK_SUITE_VERSION,
    generated_at: (options.now?.() ?? new Date()).toISOString(),
    command: options.command,
    environment: benchmarkEnvironment(env),
    inputs: inputs.sort((a, b) => a.path.localeCompare(b.path)),
    results,
    gate: null,
  };
  return budgetPath ? { ...report, gate: gateReport(report, budgetPath, options.root, options.filter) } : report;
}
