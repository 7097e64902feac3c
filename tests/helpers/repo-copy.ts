/**
 * A throwaway copy of the repository for tests that edit sources or evidence and run the real CLI.
 * node_modules is symlinked, not copied, so a copy costs milliseconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.ts';
import { withoutProviderEnv } from './provider-env.ts';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COPIED = [
  'bin',
  '.cache',
  'src/worldforge',
  'generators',
  'scripts',
  'evidence',
  'fixtures',
  'content',
  'README.md',
  'package.json',
  'tsconfig.json',
];

export interface RepoCopy {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Runs `worldforge <args>` in the copy with the Node running the tests (Node 22). */
  cli(...args: string[]): { code: number; stdout: string; stderr: string };
  /**
   * Like `cli`, without blocking the test process (so a replay server in the test can answer),
   * with `env` merged over a copy of the environment from which every provider variable (as the
   * provider modules declare them) is removed.
   */
  cliAsync(args: readonly string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Like `cli`, in this process (tests/helpers/cli.ts): milliseconds instead of a Node start-up. */
  run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  remove(): void;
}

export function copyRepo(): RepoCopy {
  const root = mkdtempSync(join(tmpdir(), 'wf-repo-'));
  for (const path of COPIED) {
    try {
      cpSync(join(REPO, path), join(root, path), { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => writeFileSync(join(root, path), text),
    cli: (...args) => {
      const env = { ...process.env };
      delete env.GITHUB_STEP_SUMMARY;
      const run = spawnSync(process.execPath, [join(root, 'bin', 'worldforge.mjs'), ...args], { cwd: root, encoding: 'utf8', env });
      return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
    },
    cliAsync: (args, extra = {}) => {
      const env = withoutProviderEnv(process.env);
      delete env.GITHUB_STEP_SUMMARY;
      const child = spawn(process.execPath, [join(root, 'bin', 'worldforge.mjs'), ...args], { cwd: root, env: { ...env, ...extra } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      return new Promise((done) => child.on('close', (code) => done({ code: code ?? -1, stdout, stderr })));
    },
    run: (...args) => runCli(args, { cwd: root }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
