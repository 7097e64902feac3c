/**
 * The `worldforge` CLI. Exit codes: 0 ok, 1 check failed, 2 usage or input error.
 * Human output by default (progress on stderr), `--json` for machines (stdout only).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { REPO_ROOT, WORLDFORGE_VERSION } from '../src/worldforge/evidence/suite/repo.ts';
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
import { ProblemError, problemLine } from '../src/worldforge/problem.ts';
import { runCheck } from './check.ts';
import { loadClaims } from '../src/worldforge/claims/load.ts';
import { smokeCommands } from './smoke-cli.ts';
import { scaffoldCommands } from './scaffold-cli.ts';
import { workbenchCommand } from './workbench-cli.ts';
import { humanReport, writeGithubSummary } from './check/report.ts';
import { processIo, selectionCheck, selectionNew } from './selection/commands.ts';
import { CANDIDATE_FLAGS, flagSpelling } from './selection/flags.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const collect = (value: string, previous: string[]) => [...previous, value];

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
  let subjects: ReturnType<typeof selectSubjects>;
  try {
    subjects = selectSubjects(await allSubjects(), { only: options.only, shard: options.shard });
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

async function check(options: { json?: boolean; githubSummary?: string; dist?: boolean; release?: boolean }): Promise<number> {
  const report = await runCheck({ scanDist: options.dist !== false, release: Boolean(options.release) });
  writeGithubSummary(report, options.githubSummary ?? process.env.GITHUB_STEP_SUMMARY);
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
    .description(
      'Regenerate in memory and fail (exit 1) on drift between committed evidence, profiles, README, claims, records and published files.',
    )
    .option('--json', 'print the report as JSON (schema: evidence/schemas/check-report.schema.json)')
    .option('--no-dist', 'do not scan a built dist/ (used before a build replaces it)')
    .option('--github-summary <file>', 'append a Markdown job summary to <file> (default: $GITHUB_STEP_SUMMARY)')
    .option('--release', 'release mode: known gaps on release-gated and prepared-host claims, and stale prepared-host evidence, are errors')
    .action(async (options) => setExit(await check(options)));
  program
    .command('claims')
    .description('Inspect the claim rows in content/claims/.')
    .command('list')
    .description('List every claim id with its class and area.')
    .option('--json', 'print the rows as JSON')
    .action((options) => setExit(listClaims(options)));

  const selection = program
    .command('selection')
    .description('Author and validate provider cohort selection records (content/selection-records/).');
  selection
    .command('check <file>')
    .description('Validate one selection record with the rules `npm run check` applies (exit 1 on problems).')
    .option('--json', 'print the problems as JSON')
    .action((file: string, options) => setExit(selectionCheck(processIo(), file, options)));
  const create = selection
    .command('new')
    .description(
      'Write a new selection record: asks in a terminal, reads flags otherwise. Refuses to write a record the check would reject.',
    )
    .option('--id <id>', 'record id, also the file name')
    .option('--title <text>', 'page heading')
    .option('--cohort <id>', 'cohort id (default: the record id)')
    .option('--date <YYYY-MM-DD>', 'decision date (default: today)')
    .option('--summary <text>', 'one paragraph: what was decided and why now')
    .option('--candidate <id>', 'declare a candidate (repeat for each)', collect, [])
    .option('--out <path>', 'where to write (default: content/selection-records/<id>.md)')
    .option('--force', 'overwrite an existing file')
    .option('--no-input', 'never prompt, even in a terminal');
  const described: Record<string, string> = {
    scores: '8 points 0–2 in rubric order, e.g. jepa=2,2,1,1,2,2,1,1',
    decision: 'active | rfc | deferred (default: the band of the computed score)',
    capabilities: 'comma list, e.g. jepa=score',
    ownership: 'checkout-safe | remote-api | prepared-host | none',
  };
  for (const name of Object.keys(CANDIDATE_FLAGS)) {
    create.option(
      `${flagSpelling(name)} <id=value>`,
      described[name] ?? `per-candidate ${CANDIDATE_FLAGS[name as keyof typeof CANDIDATE_FLAGS]}`,
      collect,
      [],
    );
  }
  create.action(async (options) => setExit(await selectionNew(processIo(), options)));

  program.addCommand(smokeCommands(setExit));
  program.addCommand(scaffoldCommands(setExit));
  program.addCommand(workbenchCommand(setExit));
  return program;
}

function listClaims(options: { json?: boolean }): number {
  const { claims, problems } = loadClaims(REPO_ROOT);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify(
        claims.map((c) => ({ ...c.value, file: c.file, line: c.line })),
        null,
        2,
      )}\n`,
    );
  } else {
    const width = Math.max(...claims.map((c) => c.value.id.length), 2);
    for (const c of claims)
      process.stdout.write(`${c.value.id.padEnd(width)}  ${c.value.class.padEnd(26)}  ${c.value.area.padEnd(10)}  ${c.file}:${c.line}\n`);
  }
  for (const p of problems) process.stderr.write(`${problemLine(p)}\n`);
  return problems.length ? EXIT.usage : EXIT.ok;
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
    if (error instanceof ProblemError) {
      process.stderr.write(
        `worldforge: ${error.message}\nNothing was written. Fix the named fields (fixtures/README.md describes the format).\n`,
      );
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
