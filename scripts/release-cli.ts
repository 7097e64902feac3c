/**
 * The `worldforge release` command group: `release evidence --version <semver>` freezes release
 * evidence into evidence/releases/<version>.json (running the check in release mode), and
 * `release verify <dir|file>` re-checks the digests of a bundle's or a release's in-toto statement
 * offline. Exit codes: 0 ok, 1 release check failed or digests differ, 2 usage error.
 */
import { relative } from 'node:path';
import { Command } from 'commander';
import { reindex } from '../generators/run.ts';
import { VerifyError, verifyStatement } from '../src/worldforge/bundles/intoto.ts';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import { buildRelease, ReleaseUsageError, writeRelease } from '../src/worldforge/release/build.ts';
import { loadContext, runRules } from './check.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function releaseCommands(setExit: (code: number) => void): Command {
  const release = new Command('release').description('Release evidence and offline verification of bundles and releases.');
  release
    .command('evidence')
    .description(
      'Freeze evidence/releases/<version>.json (and its in-toto statement) after running the check in release mode; exit 1 naming each claim the release mode rejects.',
    )
    .requiredOption('--version <semver>', 'release version, e.g. 0.1.0')
    .option('--date <YYYY-MM-DD>', 'release day (default: today, UTC); live-smoke ages count to it')
    .option('--bundle <dir>', 'link a bundle folder (repeat for each)', collect, [])
    .option('--json', 'print the release-mode errors as JSON')
    .action(async (options) => {
      try {
        process.stderr.write('worldforge release: running the check in release mode…\n');
        const data = await loadContext({ scanDist: false, release: true });
        const build = buildRelease({
          version: options.version,
          date: options.date,
          bundles: options.bundles,
          root: REPO_ROOT,
          check: { data, findings: runRules(data) },
        });
        const written = writeRelease(REPO_ROOT, build);
        reindex();
        const { release_check: check } = build.document.body;
        if (options.json) process.stdout.write(`${JSON.stringify({ ...written, status: build.document.status, ...check }, null, 2)}\n`);
        else {
          process.stdout.write(
            [
              `worldforge release ${options.version}: ${build.document.status} — wrote ${written.file} and ${written.statement}`,
              ...(check.ok
                ? ['  release mode: no errors']
                : [
                    `  release mode: ${check.errors.length} error(s); the release file records them (status failed):`,
                    ...check.errors.map((e) => `  ✖ ${e.rule} [${e.id}] ${e.file}: ${e.found}`),
                    '  fix: back each claim, or re-class it to what its evidence shows (content/claims/), then run this command again.',
                  ]),
              '',
            ].join('\n'),
          );
        }
        setExit(check.ok ? EXIT.ok : EXIT.failed);
      } catch (error) {
        if (!(error instanceof ReleaseUsageError)) throw error;
        process.stderr.write(`worldforge release evidence: ${error.message}\nNothing was written.\n`);
        setExit(EXIT.usage);
      }
    });
  release
    .command('verify <target>')
    .description(
      'Re-check every digest of an in-toto statement (bundle folder, .intoto.jsonl, or release .json); exit 1 naming each mismatch.',
    )
    .option('--json', 'print the result as JSON')
    .action((target: string, options) => {
      try {
        const { statementFile, statement, mismatches } = verifyStatement(target);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ statement: statementFile, subjects: statement.subject.length, mismatches }, null, 2)}\n`,
          );
        } else if (mismatches.length === 0) {
          process.stdout.write(
            `worldforge release verify: ${statement.subject.length} file(s) match ${relative(process.cwd(), statementFile) || statementFile}\n`,
          );
        } else {
          process.stdout.write(
            [
              `worldforge release verify: ${mismatches.length} of ${statement.subject.length} file(s) differ from ${relative(process.cwd(), statementFile) || statementFile}`,
              ...mismatches.map((m) => `  ${m.name}: expected ${m.expected}, found ${m.found}`),
              '',
            ].join('\n'),
          );
        }
        setExit(mismatches.length ? EXIT.failed : EXIT.ok);
      } catch (error) {
        if (!(error instanceof VerifyError)) throw error;
        process.stderr.write(`worldforge release verify: ${error.message}\n`);
        setExit(EXIT.usage);
      }
    });
  return release;
}
