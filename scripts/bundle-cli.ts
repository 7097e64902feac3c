/**
 * `worldforge evidence bundle [--runs <id>…] --out <dir>`: an evidence bundle of finished runs
 * (every finished run when --runs is not given). Registered under the existing `evidence` command.
 * Exit codes: 0 written, 2 usage error or nothing to bundle.
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { BundleError } from '../src/worldforge/bundles/collect.ts';
import { writeEvidenceBundle } from '../src/worldforge/bundles/evidence.ts';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import { findRun, readHistory } from '../src/worldforge/runs/history.ts';
import { RUNS_DIR } from '../src/worldforge/runs/layout.ts';

const EXIT = { ok: 0, usage: 2 } as const;

export function evidenceBundleCommand(setExit: (code: number) => void): Command {
  return new Command('bundle')
    .description(
      'Write an evidence bundle of finished runs: sanitized files, fixtures, budgets, bundle.json digests, summary.md, in-toto statement.',
    )
    .requiredOption('--out <dir>', 'output folder')
    .option('--runs <id...>', 'run ids (default: every finished run)')
    .option('--runs-dir <dir>', 'folder holding run workspaces', RUNS_DIR)
    .option('--json', 'print bundle.json')
    .action((options) => {
      const history = readHistory(resolve(options.runsDir));
      const ids: string[] | undefined = options.runs;
      const missing = (ids ?? []).filter((id) => !findRun(history.runs, id));
      if (missing.length) {
        process.stderr.write(`worldforge evidence bundle: no run ${missing.join(', ')} in ${options.runsDir}\nNothing was written.\n`);
        return setExit(EXIT.usage);
      }
      const runs = ids ? ids.map((id) => findRun(history.runs, id)!) : history.runs.filter((r) => r.manifest.status !== 'running');
      try {
        const out = resolve(options.out);
        const bundle = writeEvidenceBundle(runs, REPO_ROOT, out);
        if (options.json) process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
        else {
          process.stdout.write(
            `worldforge evidence bundle: ${bundle.run_count} run(s), ${bundle.included_count} file(s) in ${relative(process.cwd(), out) || out}, ${bundle.excluded_count} excluded; safe to attach: ${bundle.safe_to_attach ? 'yes' : 'no'}\n`,
          );
        }
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
        process.stderr.write(`worldforge evidence bundle: ${error.message}\nNothing was written.\n`);
        setExit(EXIT.usage);
      }
    });
}
