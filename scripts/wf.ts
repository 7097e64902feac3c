/**
 * The `worldforge` CLI. Exit codes: 0 ok, 1 check failed, 2 usage or input error.
 * Human output by default (progress on stderr), `--json` for machines (stdout only).
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { REPO_ROOT, repoPath, WORLDFORGE_VERSION } from '../src/worldforge/evidence/suite/repo.ts';
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
  addSchemaFiles,
} from '../generators/run.ts';
import { evidenceMergeCommand } from './evidence-merge-cli.ts';
import { ProblemError, problemLine } from '../src/worldforge/problem.ts';
import { runCheck } from './check.ts';
import { loadClaims } from '../src/worldforge/claims/load.ts';
import { smokeCommands } from './smoke-cli.ts';
import { evalCommands } from './eval-cli.ts';
import { runsCommands } from './runs-cli.ts';
import { releaseCommands } from './release-cli.ts';
import { evidenceBundleCommand } from './bundle-cli.ts';
import { benchmarkCommands, compareCommand } from './benchmark-cli.ts';
import { budgetsCommands } from './budgets-cli.ts';
import { doctorCommands } from './doctor-cli.ts';
import { worldCommands } from './world-cli.ts';
import { drillsCommands } from './drills-cli.ts';
import { annotations, inGithubActions } from './check/github.ts';
import { appendGithubSummary, githubSummary, humanReport } from './check/report.ts';
import { sarifLog } from './check/sarif.ts';
import { exitQuietlyOnBrokenPipe, ioCode, ioReason, unexpectedMessage } from './cli-errors.ts';
import { outFolderProblem, unwritableTargets } from './evidence-preflight.ts';
import { SiteUrlError, siteUrl } from '../src/worldforge/site/site-url.ts';
import { scaffoldCommands } from './scaffold-cli.ts';
import { workbenchCommand } from './workbench-cli.ts';
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

async function generate(options: {
  only?: string[];
  shard?: { index: number; count: number };
  json?: boolean;
  out?: string;
}): Promise<number> {
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
  // --out <dir>: a tree for `evidence merge` (a shard: its documents and the JSON Schemas, no
  // index) or a complete one; README.md is only updated for evidence/ itself.
  const outDir = options.out ? resolve(options.out) : null;
  // A file where the tree should go is refused before the suites spend their seconds.
  const outProblem = outDir && options.out ? outFolderProblem(outDir, options.out) : null;
  if (outProblem) throw new UsageError(`${outProblem}.\nNothing was written.`);
  const files = partial ? await buildDocuments(subjects, onProgress) : await buildEvidence(onProgress);
  if (partial && outDir) addSchemaFiles(files);
  const evidenceRoot = outDir ?? repoPath('evidence');
  // Everything is generated and validated; before the first write, every target must accept one.
  const targets = [...files.keys(), ...(outDir ? [] : ['index.json'])].map((path) => join(evidenceRoot, path));
  const refused = unwritableTargets([...targets, ...(outDir ? [] : [repoPath('README.md')])], outDir ?? REPO_ROOT, options.out ?? '');
  if (refused.length) {
    throw new UsageError(
      `cannot write the evidence: ${refused.map((r) => `${r.path}: ${r.reason}`).join('; ')}.\nNothing was written. Make the folder writable (or run where the repository is writable) and re-run \`npm run evidence\`.`,
    );
  }
  const summary = writeEvidence(files, { prune: !partial }, evidenceRoot);
  if (partial && !outDir) reindex();
  const readmeChanged = outDir ? false : writeReadmeTable();
  const elapsed = Math.round(performance.now() - started);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, readme_changed: readmeChanged, elapsed_ms: elapsed }, null, 2)}\n`);
  } else {
    const shown = outDir ? relative(process.cwd(), outDir) || '.' : 'evidence';
    const list = (label: string, paths: string[]) => (paths.length ? [`  ${label}: ${paths.map((p) => `${shown}/${p}`).join(', ')}`] : []);
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

/** Report formats of `worldforge check` on stdout. */
const CHECK_FORMATS = ['human', 'json', 'sarif'] as const;

interface CheckOptions {
  json?: boolean;
  format?: (typeof CHECK_FORMATS)[number];
  sarif?: string;
  githubSummary?: string;
  dist?: boolean;
  distOnly?: boolean;
  /** `--no-cache` sets false: rerun the suites even when no input changed. */
  cache?: boolean;
  release?: boolean;
}

/** The published site URL (absolute rule links), or a usage error for an unusable value. */
function configuredSite(): string | null {
  try {
    return siteUrl();
  } catch (error) {
    if (error instanceof SiteUrlError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Runs the check and reports it: on stdout in the chosen format (in GitHub Actions, the human
 * format is preceded by one workflow command per finding, so findings show on the PR diff), then
 * the optional SARIF file and job summary. The report always prints first: a summary that cannot be
 * written is a warning, an explicit `--sarif` file that cannot be written exits 2.
 */
async function check(options: CheckOptions): Promise<number> {
  const format = options.json ? 'json' : (options.format ?? 'human');
  const site = configuredSite();
  const report = await runCheck({
    scanDist: options.dist !== false,
    release: Boolean(options.release),
    distOnly: Boolean(options.distOnly),
    cache: options.cache !== false,
    onNote: (line) => process.stderr.write(`worldforge check: ${line}\n`),
  });
  const sarif = () => `${JSON.stringify(sarifLog(report, { version: WORLDFORGE_VERSION, site }), null, 2)}\n`;
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(sarif());
  else process.stdout.write(`${inGithubActions() ? annotations(report.findings, site) : ''}${humanReport(report, site)}\n`);
  let code: number = report.ok ? EXIT.ok : EXIT.failed;
  if (options.sarif) {
    try {
      // The folder must exist: no mkdir for an output path (recursive mkdir never returns under /proc).
      if (!statSync(dirname(resolve(options.sarif))).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      writeFileAtomic(options.sarif, sarif());
    } catch (error) {
      process.stderr.write(`worldforge check: could not write the SARIF file ${options.sarif}: ${ioReason(error)}\n`);
      code = EXIT.usage;
    }
  }
  const summaryPath = options.githubSummary ?? process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    const failure = appendGithubSummary(summaryPath, githubSummary(report, site));
    if (failure)
      process.stderr.write(
        `worldforge check: warning: the job summary was not written to ${summaryPath}: ${failure}. The report above is complete.\n`,
      );
  }
  return code;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('worldforge')
    .description('World-model provider contracts with documentation built from executable evidence.')
    .version(WORLDFORGE_VERSION)
    // Root options only before the subcommand, so `release evidence --version <semver>` is the release's own option.
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const evidence = program.command('evidence').description('Run the suites and write evidence/ (deterministic, canonical JSON).');
  evidence
    .command('generate', { isDefault: true })
    .description('Regenerate evidence/ files, evidence/index.json and the README provider table.')
    .option('--only <subject...>', 'only these subjects or prefixes, e.g. conformance/mock')
    .option('--shard <i/n>', 'only every n-th subject starting at i', parseShard)
    .option('--json', 'print a machine-readable summary on stdout')
    .option('--out <dir>', 'write into <dir> instead of evidence/ (a shard for `evidence merge`; README.md untouched)')
    .action(async (options) => setExit(await generate(options)));
  evidence.addCommand(evidenceBundleCommand(setExit));
  evidence.addCommand(evidenceMergeCommand(setExit));

  program
    .command('check')
    .description(
      'Regenerate in memory and fail (exit 1) on drift between committed evidence, profiles, README, claims, records and published files.',
    )
    .option('--json', 'print the report as JSON (schema: evidence/schemas/check-report.schema.json); same as --format json')
    .addOption(new Option('--format <format>', 'report format on stdout').choices(CHECK_FORMATS).default('human'))
    .option('--sarif <file>', 'also write the report as SARIF 2.1.0 to <file> (for GitHub code scanning)')
    .option('--no-dist', 'do not scan a built dist/ (used before a build replaces it)')
    .option('--dist-only', 'only scan the built dist/ (the pass after `astro build`; the pre-build check covered the rest)')
    .option('--github-summary <file>', 'append a Markdown job summary to <file> (default: $GITHUB_STEP_SUMMARY)')
    .option('--release', 'release mode: known gaps on release-gated and prepared-host claims, and stale prepared-host evidence, are errors')
    .option('--no-cache', 'rerun the suites even when no input changed since the last local check (CI and --release always do)')
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
    .action(async (file: string, options) => setExit(await selectionCheck(processIo(), file, options)));
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
  program.addCommand(evalCommands(setExit));
  program.addCommand(runsCommands(setExit));
  program.addCommand(releaseCommands(setExit));
  program.addCommand(benchmarkCommands(setExit));
  program.addCommand(budgetsCommands(setExit));
  program.addCommand(compareCommand(setExit));
  program.addCommand(doctorCommands(setExit));
  program.addCommand(worldCommands(setExit));
  program.addCommand(drillsCommands(setExit));
  // Added command groups do not inherit settings: every command exits 2 on a usage error, none calls process.exit.
  for (const command of allCommands(program)) command.exitOverride().showHelpAfterError('(run with --help for usage)');
  program.addCommand(scaffoldCommands(setExit));
  program.addCommand(workbenchCommand(setExit));
  return program;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap((child) => allCommands(child))];
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

/** Set by bin/cli-bundle.mjs `loadCli`: the bundled text-scan worker beside this bundle. */
export { useTextScanWorker } from '../src/worldforge/text-scan/pool.ts';

export async function main(argv: readonly string[]): Promise<number> {
  exitQuietlyOnBrokenPipe();
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
    const io = ioCode(error);
    if (io) {
      // A file-system failure the commands did not anticipate (a write refused mid-way, a folder gone).
      const path = (error as NodeJS.ErrnoException).path;
      const shown = path ? ` ${path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length).replace(/^\//, '') : path}` : '';
      process.stderr.write(`worldforge: cannot access${shown}: ${ioReason(error)}\nCheck the path and its permissions, then re-run.\n`);
      return EXIT.usage;
    }
    process.stderr.write(unexpectedMessage(error, REPO_ROOT));
    return EXIT.usage;
  }
}
