/**
 * The `worldforge` CLI. Exit codes: 0 ok, 1 check failed, 2 usage or input error.
 * Human output by default (progress on stderr), `--json` for machines (stdout only).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { WORLDFORGE_VERSION } from '../generators/repo.ts';
import {
  allSubjects,
  buildDocuments,
  InvalidEvidenceError,
  buildEvidence,
  reindex,
  selectSubjects,
  SelectionError,
  writeEvidence,
  writeReadmeTable,
} from '../generators/run.ts';
import { FixtureCorpusError } from '../src/worldforge/fixtures/load.ts';
import { runCheck } from './check.ts';
import { smokeCommands } from './smoke-cli.ts';
import { humanReport, writeGithubSummary } from './check/report.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 1/2');
  }
  return { index, count };
}

const progress = (line: string) => process.stderr.write(`  ${line}\n`);

async function generate(options: { only?: string[]; shard?: { index: number; count: number }; json?: boolean }): Promise<number> {
  const started = performance.now();
  const partial = Boolean(options.only?.length || options.shard);
  let subjects;
  try {
    subjects = selectSubjects(allSubjects(), { only: options.only, shard: options.shard });
  } catch (error) {
    if (error instanceof SelectionError) throw new UsageError(error.message);
    throw error;
  }
  if (!options.json) process.stderr.write(`worldforge evidence: ${subjects.length} subject(s)\n`);
  const onProgress = options.json ? undefined : progress;
  const files = partial ? await buildDocuments(subjects, onProgress) : await buildEvidence(onProgress);
  const summary = writeEvidence(files, { prune: !partial });
  if (partial) reindex();
  const readmeChanged = writeReadmeTable();
  const elapsed = Math.round(performance.now() - started);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, readme_changed: readmeChanged, elapsed_ms: elapsed }, null, 2)}\n`);
  } else {
    const list = (label: string, paths: string[]) => (paths.length ? [`  ${label}: ${paths.map((p) => `evidence/${p}`).join(', ')}`] : []);
    process.stdout.write(
      [
        `worldforge evidence: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.removed.length} removed, ${summary.unchanged.length} unchanged${readmeChanged ? ', README.md provider table updated' : ''} (${(elapsed / 1000).toFixed(2)} s)`,
        ...list('created', summary.created),
        ...list('updated', summary.updated),
        ...list('removed', summary.removed),
        '',
      ].join('\n'),
    );
  }
  return EXIT.ok;
}

async function check(options: { json?: boolean }): Promise<number> {
  const report = await runCheck();
  writeGithubSummary(report);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${humanReport(report)}\n`);
  return report.ok ? EXIT.ok : EXIT.failed;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('worldforge')
    .description('World-model provider contracts with documentation built from executable evidence.')
    .version(WORLDFORGE_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const evidence = program.command('evidence').description('Run the suites and write evidence/ (deterministic, canonical JSON).');
  evidence
    .command('generate', { isDefault: true })
    .description('Regenerate evidence/ files, evidence/index.json and the README provider table.')
    .option('--only <subject...>', 'only these subjects or prefixes, e.g. conformance/mock')
    .option('--shard <i/n>', 'only every n-th subject starting at i', parseShard)
    .option('--json', 'print a machine-readable summary on stdout')
    .action(async (options) => setExit(await generate(options)));

  program
    .command('check')
    .description('Regenerate in memory and fail (exit 1) on any drift between committed evidence, profiles and README.')
    .option('--json', 'print the report as JSON (schema: the check report schema)')
    .action(async (options) => setExit(await check(options)));

  program.addCommand(smokeCommands(setExit));
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (error instanceof FixtureCorpusError) {
      process.stderr.write(`worldforge: ${error.message}\nNothing was written. Fix the named fields (fixtures/README.md describes the format).\n`);
      return EXIT.usage;
    }
    if (error instanceof InvalidEvidenceError) {
      process.stderr.write(`worldforge: ${error.message}\n`);
      return EXIT.failed;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`worldforge: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`worldforge: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}
