/**
 * The `worldforge release` command group: `release evidence --version <semver>` freezes release
 * evidence into evidence/releases/<version>.json (running the check in release mode), and
 * `release verify <dir|file>` re-checks the digests of a bundle's or a release's in-toto statement
 * offline. Exit codes: 0 ok, 1 release check failed or digests differ, 2 usage error.
 */
import { relative } from 'node:path';
import { Command } from 'commander';
import { VerifyError, verifyStatement } from '../src/worldforge/bundles/intoto.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function releaseCommands(setExit: (code: number) => void): Command {
  const release = new Command('release').description('Release evidence and offline verification of bundles and releases.');
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
