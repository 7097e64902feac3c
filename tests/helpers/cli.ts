/**
 * Runs the `worldforge` CLI in the test process: the same bundle the bin runs (rebuilt when a
 * source changed), its `main(argv)` called with stdout, stderr and the exit code captured. A run
 * costs milliseconds instead of a Node start-up; keep a few true subprocess tests for the bin.
 * Each repository (`cwd`) gets its own module instance, so a test on a repository copy runs the
 * copy's code against the copy's files.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCli } from '../../bin/cli-bundle.mjs';
import { withoutProviderEnv } from './provider-env.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Repository root whose CLI runs (and the working directory during the run); default: this repository. */
  cwd?: string;
  /** Merged over the environment without provider variables and without GITHUB_STEP_SUMMARY. */
  env?: Record<string, string>;
}

/** Like bin/worldforge.mjs: `evidence generate` rewrites the registry indexes before the CLI loads. */
const regeneratesIndexes = (argv: readonly string[]) =>
  argv[0] === 'evidence' && (argv[1] === undefined || argv[1] === 'generate' || argv[1].startsWith('-'));

let running = false;
/** Every run gets its own module instance: per-process caches (fixture corpora) never leak between runs. */
let instances = 0;

/** `worldforge <argv>` in-process. Runs one at a time (stdout, cwd and env are process-wide). */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  if (running) throw new Error('runCli: one run at a time (it captures process-wide stdout, cwd and env)');
  running = true;
  const root = options.cwd ?? REPO;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  let stdout = '';
  let stderr = '';
  try {
    for (const key of Object.keys(process.env)) delete process.env[key];
    const env = withoutProviderEnv(savedEnv);
    delete env.GITHUB_STEP_SUMMARY;
    Object.assign(process.env, env, options.env ?? {});
    process.chdir(root);
    if (regeneratesIndexes(argv)) {
      const indexes = pathToFileURL(join(root, 'src/worldforge/registry-index.ts')).href;
      const { writeRegistryIndexes } = (await import(
        /* @vite-ignore */ indexes
      )) as typeof import('../../src/worldforge/registry-index.ts');
      for (const path of writeRegistryIndexes(root)) stderr += `worldforge: regenerated ${path}\n`;
    }
    let main: (argv: readonly string[]) => Promise<number>;
    try {
      ({ main } = await loadCli(root, String(++instances)));
    } catch (error) {
      // The bin's answer to a registry index naming a removed module.
      if ((error as NodeJS.ErrnoException)?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      const first = String((error as Error).message)
        .split('\n')[0]!
        .replaceAll(`${root}/`, '');
      stderr += `worldforge: ${first}\nA registry index may name a removed module: run \`npm run evidence\` to regenerate the indexes.\n`;
      return { code: 2, stdout, stderr };
    }
    process.stdout.setMaxListeners(0);
    process.stderr.setMaxListeners(0);
    const capture = (append: (text: string) => void) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof process.stdout.write;
    process.stdout.write = capture((t) => (stdout += t));
    process.stderr.write = capture((t) => (stderr += t));
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    process.exitCode = savedExitCode;
    running = false;
  }
}
