/**
 * `worldforge evidence merge <dir>… [--out <dir>]`: joins the folders that
 * `evidence generate --shard i/n --out <dir>` wrote (one per CI matrix job) into one evidence tree
 * with its index, byte-identical to an unsharded `evidence generate`. Default output: evidence/
 * (a full tree: evidence files no shard produced are removed, like a full regeneration).
 * Exit codes: 0 written, 2 unusable shards (nothing written).
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { MergeError, mergeEvidenceTrees } from '../generators/merge.ts';
import { allSubjects, writeEvidence } from '../generators/run.ts';
import { repoPath } from '../src/worldforge/evidence/suite/repo.ts';
import { outFolderProblem, unwritableTargets } from './evidence-preflight.ts';

const EXIT = { ok: 0, usage: 2 } as const;

export function evidenceMergeCommand(setExit: (code: number) => void): Command {
  return new Command('merge')
    .description('Merge the shard folders of `evidence generate --shard i/n --out <dir>` into one evidence tree with its index.')
    .argument('<dir...>', 'shard output folders (every shard of one commit)')
    .option('--out <dir>', 'write the merged tree here (default: evidence/)')
    .option('--json', 'print a machine-readable summary on stdout')
    .action(async (dirs: string[], options: { out?: string; json?: boolean }) => {
      const out = options.out ? resolve(options.out) : repoPath('evidence');
      const outProblem = options.out ? outFolderProblem(out, options.out) : null;
      if (outProblem) {
        process.stderr.write(`worldforge evidence merge: ${outProblem}\nNothing was written.\n`);
        return setExit(EXIT.usage);
      }
      let files: Map<string, string>;
      try {
        files = mergeEvidenceTrees(
          dirs.map((dir) => resolve(dir)),
          await allSubjects(),
        );
      } catch (error) {
        if (!(error instanceof MergeError)) throw error;
        process.stderr.write(`worldforge evidence merge: ${error.message}\nNothing was written.\n`);
        return setExit(EXIT.usage);
      }
      const refused = unwritableTargets(
        [...files.keys()].map((path) => resolve(out, path)),
        out,
        options.out ?? 'evidence',
      );
      if (refused.length) {
        process.stderr.write(
          `worldforge evidence merge: cannot write ${refused.map((r) => `${r.path}: ${r.reason}`).join('; ')}\nNothing was written.\n`,
        );
        return setExit(EXIT.usage);
      }
      const summary = writeEvidence(files, { prune: true }, out);
      if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else
        process.stdout.write(
          `worldforge evidence merge: ${dirs.length} shard folder(s) → ${relative(process.cwd(), out) || '.'}: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.removed.length} removed, ${summary.unchanged.length} unchanged\n`,
        );
      return setExit(EXIT.ok);
    });
}
