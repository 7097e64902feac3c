/**
 * A throwaway copy of the repository for tests that edit sources or evidence and run the real CLI.
 * node_modules is symlinked, not copied, so a copy costs milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const COPIED = ['bin', 'src/worldforge', 'generators', 'scripts', 'evidence', 'fixtures', 'content', 'README.md', 'package.json', 'tsconfig.json'];

export interface RepoCopy {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Runs `worldforge <args>` in the copy with the Node running the tests (Node 22). */
  cli(...args: string[]): { code: number; stdout: string; stderr: string };
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
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
