/**
 * `worldforge benchmark` (list, run, ab) and `worldforge compare`. Exit codes: 0 passed or skipped
 * (a typed skip is not a failure), 1 a budget violation, a failed call or a refused comparison,
 * 2 usage or invalid input. Human output by default; `--json` prints the report (or comparison)
 * on stdout and everything else on stderr.
 */
import { join, relative } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { runAb } from '../src/worldforge/benchmarks/ab.ts';
import { buildComparison, ComparisonRefused } from '../src/worldforge/benchmarks/compare.ts';
import { comparisonCsv, comparisonMarkdown } from '../src/worldforge/benchmarks/compare-render.ts';
import { baselinePath, loadBenchmarkData, presetById, PRESETS_DIR, UnknownPresetError } from '../src/worldforge/benchmarks/data.ts';
import { budgetLabel, violationLines } from '../src/worldforge/benchmarks/gate.ts';
import { PlanError, planPreset, type Target } from '../src/worldforge/benchmarks/plan.ts';
import type { BenchmarkReport, OperationResult } from '../src/worldforge/benchmarks/report-schema.ts';
import { loadReports } from '../src/worldforge/benchmarks/reports.ts';
import { startRun } from '../src/worldforge/runs/workspace.ts';
import { runPreset } from '../src/worldforge/benchmarks/run.ts';
import { CAPABILITIES } from '../src/worldforge/capabilities/index.ts';
import { canonicalJson } from '../src/worldforge/digest.ts';
import { REPO_ROOT, repoPath } from '../src/worldforge/evidence/suite/repo.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer ≥ 1');
  return n;
};

const fmt = (n: number | undefined | null, unit = '') => (n === undefined || n === null ? '—' : `${Number(n.toPrecision(4))}${unit}`);

/** One human line per result: counts, and the median with its confidence interval. */
function resultLine(r: OperationResult): string {
  const who = `${r.provider}/${r.operation}`.padEnd(22);
  if (r.status === 'skipped') return `  ${who} skipped (${r.skip_reason}): ${r.missing_prerequisite}`;
  const m = r.metrics;
  const mean = m ? `mean ${fmt(m.mean_latency_ms.median, ' ms')} [${fmt(m.mean_latency_ms.low)}, ${fmt(m.mean_latency_ms.high)}]` : '';
  const overhead = r.validation_overhead
    ? `  validation +${fmt(r.validation_overhead.overhead_ms, ' ms')}/call (×${fmt(r.validation_overhead.ratio)})`
    : '';
  const errors = r.error_count ? `  errors: ${r.error_codes.join(', ')}` : '';
  return `  ${who} ${r.success_count}/${r.call_count} ok  ${mean}  p95 ${fmt(m?.p95_latency_ms.median, ' ms')}  ${fmt(m?.throughput_per_second.median, '/s')}  retries ${r.retry_count}${overhead}${errors}`;
}

/** 1 when the budget was violated or (without a budget) any call failed; 0 otherwise, skips included. */
const exitOf = (report: BenchmarkReport) =>
  (report.gate ? !report.gate.passed : report.results.some((r) => r.error_count > 0)) ? EXIT.failed : EXIT.ok;

interface RunFlags {
  preset: string;
  budget?: string | false;
  provider?: string;
  operation?: string;
  iterations?: number;
  samples?: number;
  baseline?: boolean;
  runsDir: string;
  json?: boolean;
}

async function benchmarkRun(flags: RunFlags): Promise<number> {
  const data = loadBenchmarkData(REPO_ROOT);
  const preset = presetById(data, flags.preset);
  const overridden = flags.provider || flags.operation || flags.iterations || flags.samples || flags.budget !== undefined;
  if (flags.baseline && overridden) {
    throw new PlanError('--baseline records the preset as defined: drop --provider, --operation, --iterations, --samples and --budget');
  }
  const budgetPath = flags.budget === false ? null : flags.budget;
  const command = [
    `npx worldforge benchmark run --preset ${preset.id}`,
    ...(flags.provider ? [`--provider ${flags.provider}`] : []),
    ...(flags.operation ? [`--operation ${flags.operation}`] : []),
    ...(typeof budgetPath === 'string' ? [`--budget ${budgetLabel(budgetPath, process.cwd())}`] : []),
    ...(budgetPath === null ? ['--no-budget'] : []),
  ].join(' ');
  const run = startRun({
    kind: 'benchmark',
    command,
    provider: flags.provider,
    capability: flags.operation,
    operation: flags.operation,
    runsDir: flags.runsDir,
    env: ['WORLDFORGE_MACHINE_CLASS'],
  });
  const report = await runPreset(preset, data, {
    root: REPO_ROOT,
    presetPath: `${PRESETS_DIR}/${preset.id}.json`,
    budgetPath,
    filter: { provider: flags.provider, operation: flags.operation },
    shape: { ...(flags.iterations ? { iterations: flags.iterations } : {}), ...(flags.samples ? { samples: flags.samples } : {}) },
    command,
    onProgress: flags.json ? undefined : (line) => process.stderr.write(`  ${line}\n`),
  });
  for (const r of report.results) {
    run.appendEvent({
      type: 'benchmark.result',
      provider: r.provider,
      operation: r.operation,
      status: r.status,
      success_count: r.success_count,
      error_count: r.error_count,
    });
  }
  const reportPath = relative(process.cwd(), join(run.dir, run.writeReport(`${preset.id}.json`, report)));
  const code = exitOf(report);
  const skipped = report.results.every((r) => r.status === 'skipped');
  run.finish(skipped ? 'skipped' : code === EXIT.ok ? 'passed' : 'failed', {
    metrics: { preset: preset.id, results: report.results.length, gate: report.gate ? (report.gate.passed ? 'passed' : 'failed') : 'none' },
  });
  if (flags.baseline) {
    writeFileAtomic(repoPath(baselinePath(preset.id)), canonicalJson(report));
    process.stderr.write(`baseline preserved: ${baselinePath(preset.id)} (run \`npm run evidence\` to re-check budgets against it)\n`);
  }
  const violations = report.gate ? violationLines(report.gate, reportPath) : [];
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    for (const line of violations) process.stderr.write(`${line}\n`);
    process.stderr.write(`report: ${reportPath}\n`);
    return code;
  }
  const first = report.results.find((r) => r.status === 'measured');
  const shape = first
    ? `${first.sample_runs.length} sample(s) × ${first.iterations} call(s), concurrency ${first.concurrency}`
    : 'nothing measured';
  const lines = [
    `worldforge benchmark ${preset.id}: ${report.results.length} result(s), ${shape}; medians over samples with their confidence interval`,
    ...report.results.map(resultLine),
    report.gate
      ? `budget: ${report.gate.passed ? 'passed' : 'FAILED'} (${report.gate.budget}, ${report.gate.checks.length} check(s), ${report.gate.violation_count} violation(s))`
      : `budget: none${skipped ? '; every result is a typed skip' : ''}`,
    ...violations,
    `report: ${reportPath}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return code;
}

function benchmarkList(json: boolean): number {
  const data = loadBenchmarkData(REPO_ROOT);
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        data.presets.map((p) => ({ ...p.value, file: p.path })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const width = Math.max(...data.presets.map((p) => p.value.id.length));
  const pad = ' '.repeat(width + 2);
  const blocks = data.presets.map(
    ({ value: p }) =>
      `${p.id.padEnd(width)}  ${p.category.padEnd(13)}  ${p.operations.join(',')}  ${p.iterations}×${p.concurrency}, ${p.samples} sample(s)  budget: ${p.budget ?? 'none'}\n${pad}${p.title}\n${pad}run: ${p.command}\n${pad}success: ${p.success_signal}\n${pad}may fail: ${p.may_fail_when}\n`,
  );
  // One write: a reader that closes early (| head) gets what fits instead of an EPIPE mid-list.
  process.stdout.write(blocks.join(''));
  return EXIT.ok;
}

async function benchmarkAb(flags: {
  operation: string;
  a: string;
  b: string;
  preset: string;
  rounds: number;
  iterations: number;
  json?: boolean;
}): Promise<number> {
  const data = loadBenchmarkData(REPO_ROOT);
  const preset = presetById(data, flags.preset);
  // The request comes from the preset's inputs; the two providers are taken as given (not from the preset's list).
  const sideOf = (name: string): Target => {
    const item = planPreset({ ...preset, providers: { kind: 'named', names: [name] } }, data, {
      filter: { operation: flags.operation },
    })[0];
    if (item?.kind !== 'target') throw new PlanError(`${name} does not advertise ${flags.operation}`);
    return item;
  };
  const [template, other] = [sideOf(flags.a), sideOf(flags.b)];
  const result = await runAb(template, other, { rounds: flags.rounds, iterations: flags.iterations, warmup: 2 });
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(
      [
        `worldforge benchmark ab ${result.operation}: ${result.rounds} interleaved round(s) of ${result.iterations} call(s) (${result.interleaving})`,
        `  A ${result.a.provider.padEnd(10)} median ${fmt(result.a.median_ms.median, ' ms')} [${fmt(result.a.median_ms.low)}, ${fmt(result.a.median_ms.high)}]  ${result.a.success_count} ok, ${result.a.error_count} errors`,
        `  B ${result.b.provider.padEnd(10)} median ${fmt(result.b.median_ms.median, ' ms')} [${fmt(result.b.median_ms.low)}, ${fmt(result.b.median_ms.high)}]  ${result.b.success_count} ok, ${result.b.error_count} errors`,
        `  ratio of medians B/A: ${fmt(result.ratio_of_medians)}`,
        `  ${result.claim_boundary}`,
        '',
      ].join('\n'),
    );
  }
  return result.a.error_count + result.b.error_count > 0 ? EXIT.failed : EXIT.ok;
}

/** Runs an action, turning the benchmark module's refusals into exit codes (ProblemErrors reach the CLI's handler: exit 2). */
const guarded = (setExit: (code: number) => void, action: () => Promise<number> | number) => async () => {
  try {
    setExit(await action());
  } catch (error) {
    if (error instanceof PlanError || error instanceof UnknownPresetError) {
      process.stderr.write(`worldforge benchmark: ${error.message}\n`);
      setExit(EXIT.usage);
    } else if (error instanceof ComparisonRefused) {
      process.stderr.write(`worldforge compare: refused: ${error.message}\n`);
      setExit(EXIT.failed);
    } else throw error;
  }
};

export function benchmarkCommands(setExit: (code: number) => void): Command {
  const benchmark = new Command('benchmark').description(
    'Benchmark presets (content/benchmarks/presets/): list, run against budgets, A/B two providers.',
  );
  benchmark
    .command('list')
    .description('List the presets with their command, expected success signal and when they may fail.')
    .option('--json', 'print the presets as JSON')
    .action((options) => guarded(setExit, () => benchmarkList(Boolean(options.json)))());
  benchmark
    .command('run')
    .description(
      'Run a preset through the real call path; writes the timing report into .worldforge/runs/<id>/reports/ and gates it on its budget.',
    )
    .requiredOption('--preset <id>', 'preset id (see `benchmark list`)')
    .option('--budget <file>', 'gate on this budget file instead of the preset’s')
    .option('--no-budget', 'do not gate')
    .option('--provider <name>', 'only this provider')
    .addOption(new Option('--operation <operation>', 'only this operation').choices(CAPABILITIES))
    .option('--iterations <n>', 'calls per sample (default: the preset’s)', positiveInt)
    .option('--samples <n>', 'samples per operation (default: the preset’s)', positiveInt)
    .option('--baseline', `also preserve the report as the preset’s baseline (${baselinePath('<preset>')})`)
    .option('--runs-dir <dir>', 'folder for run folders', '.worldforge/runs')
    .option('--json', 'print the report as JSON on stdout')
    .action((options) => guarded(setExit, () => benchmarkRun(options as RunFlags))());
  benchmark
    .command('ab')
    .description('Interleave two providers on one operation and input in one process; report the ratio of their medians.')
    .addOption(new Option('--operation <operation>', 'operation to measure').choices(CAPABILITIES).makeOptionMandatory())
    .requiredOption('--a <provider>', 'provider A (the reference)')
    .requiredOption('--b <provider>', 'provider B')
    .option('--preset <id>', 'preset whose input file holds the request', 'release-evidence')
    .option('--rounds <n>', 'interleaved rounds', positiveInt, 6)
    .option('--iterations <n>', 'calls per provider and round', positiveInt, 10)
    .option('--json', 'print the result as JSON')
    .action((options) => guarded(setExit, () => benchmarkAb(options))());
  return benchmark;
}

export function compareCommand(setExit: (code: number) => void): Command {
  return new Command('compare')
    .description(
      'Compare benchmark reports or run folders: grouped by operation, fixture digest and suite version; incompatible reports are refused (exit 1).',
    )
    .argument('<report-or-run...>', 'report files (e.g. a baseline) or .worldforge/runs/<id>/ folders')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
    .action((paths: string[], options) =>
      guarded(setExit, () => {
        const comparison = buildComparison(loadReports(paths));
        const render = { md: comparisonMarkdown, csv: comparisonCsv, json: (c: unknown) => `${JSON.stringify(c, null, 2)}\n` }[
          options.format as 'md' | 'json' | 'csv'
        ];
        process.stdout.write(render(comparison));
        return EXIT.ok;
      })(),
    );
}
