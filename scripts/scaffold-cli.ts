/**
 * `worldforge scaffold provider <name> --capability <cap>…`: writes a fail-closed provider scaffold
 * (src/worldforge/scaffold/). Exit codes: 0 written, 2 invalid options or a refused target (nothing
 * written). It never registers the provider in the catalog.
 */
import { Command } from 'commander';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import { planScaffold, ScaffoldError, writeScaffold } from '../src/worldforge/scaffold/plan.ts';
import { problemLine } from '../src/worldforge/problem.ts';

const EXIT = { ok: 0, usage: 2 } as const;
const collect = (value: string, previous: string[]) => [...previous, value];

export interface ScaffoldCliOptions {
  capability: string[];
  remote?: boolean;
  local?: boolean;
  envVar: string[];
  force?: boolean;
}

/** Runs the command against `root`; returns the exit code. Output goes to the given streams. */
export function scaffoldProvider(
  root: string,
  name: string,
  options: ScaffoldCliOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  let files: ReturnType<typeof planScaffold>;
  try {
    files = planScaffold(root, { name, ...options });
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    err(`worldforge scaffold: ${error.message.split('\n')[0]}\n`);
    for (const p of error.problems) err(`  ${problemLine(p)}${p.hint ? `\n    hint: ${p.hint}` : ''}\n`);
    err('Nothing was written.\n');
    return EXIT.usage;
  }
  writeScaffold(root, files);
  out(`worldforge scaffold: wrote ${files.length} files for '${name}' (not registered in the catalog)\n`);
  for (const f of files) out(`  ${f.overwrites ? 'overwrote' : 'created'} ${f.path}\n`);
  out(`Next: npx worldforge workbench ${name}\n`);
  return EXIT.ok;
}

export function scaffoldCommands(setExit: (code: number) => void): Command {
  const scaffold = new Command('scaffold').description('Write fail-closed starting points for new work (never registered anywhere).');
  scaffold
    .command('provider <name>')
    .description(
      'Write a provider scaffold: module failing closed, tests, fixture placeholders, runtime manifest stub, docs stub, checklist.',
    )
    .option('--capability <cap>', 'a planned capability (repeat); none is advertised', collect, [])
    .option('--remote', 'a remote API provider (default; env var defaults to <NAME>_API_KEY)')
    .option('--local', 'a local prepared-host runtime')
    .option('--env-var <NAME>', 'an env var the adapter will read (repeat)', collect, [])
    .option('--force', 'overwrite existing scaffold files (never a hand-written module)')
    .action((name: string, options: ScaffoldCliOptions) =>
      setExit(
        scaffoldProvider(
          REPO_ROOT,
          name,
          options,
          (t) => process.stdout.write(t),
          (t) => process.stderr.write(t),
        ),
      ),
    );
  return scaffold;
}
