/**
 * The `worldforge eval` command group: `eval run --suite <id> [--provider …] [--format json|md|csv]`
 * runs one evaluation suite and records it as a run workspace (.worldforge/runs/<id>/). Exit codes:
 * 0 passed, 1 failed, 2 usage error.
 */
import { relative } from 'node:path';
import { Command, Option } from 'commander';
import { EVALUATION_SUITES } from '../src/worldforge/evaluation/suites/index.ts';
import { EvalUsageError, runEvaluation } from '../src/worldforge/runs/eval.ts';
import { REPORT_FORMATS } from '../src/worldforge/runs/eval-report.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function evalCommands(setExit: (code: number) => void): Command {
  const evaluation = new Command('eval').description('Run evaluation suites as recorded runs (see `runs list`).');
  evaluation
    .command('run')
    .description('Run one evaluation suite against a provider; writes a run workspace whose reports carry the provenance envelope.')
    .addOption(new Option('--suite <id>', 'evaluation suite').choices(EVALUATION_SUITES.map((s) => s.id)).makeOptionMandatory())
    .option('--provider <name>', 'provider to evaluate', 'mock')
    .addOption(new Option('--format <format>', 'extra report export next to the JSON report').choices(REPORT_FORMATS).default('json'))
    .option('--json', 'print the run manifest as JSON')
    .action(async (options) => {
      try {
        const outcome = await runEvaluation({ suite: options.suite, provider: options.provider, format: options.format });
        const m = outcome.manifest;
        if (options.json) process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
        else {
          const dir = relative(process.cwd(), outcome.dir) || outcome.dir;
          process.stdout.write(
            [
              `worldforge eval ${m.operation} on ${m.provider}: ${m.status} (run ${m.run_id})`,
              `  ${m.summary?.message ?? ''}`,
              ...outcome.reports.map((r) => `  report: ${dir}/${r}`),
              ...(m.status === 'failed' ? [`  bundle for an issue: npx worldforge runs bundle ${m.run_id}`] : []),
              '',
            ].join('\n'),
          );
        }
        setExit(m.status === 'passed' ? EXIT.ok : EXIT.failed);
      } catch (error) {
        if (!(error instanceof EvalUsageError)) throw error;
        process.stderr.write(`worldforge eval: ${error.message}\n`);
        setExit(EXIT.usage);
      }
    });
  return evaluation;
}
