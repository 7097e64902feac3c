/**
 * The check's suite cache: the in-memory regeneration `worldforge check` compares against is kept
 * in `.cache/check/suites.json` with the digest of everything that could change it, and reused
 * while that digest is unchanged. Like a build tool's action cache, it is sound only because the
 * suites are pure functions of their inputs (the evidence rules already demand byte-identical
 * regeneration), so the key covers every input a suite can see:
 *
 * - every file of the checkout except git-ignored outputs (sources, fixtures, content, evidence,
 *   tests, the lockfile; node_modules is covered by `package-lock.json`),
 * - every environment variable (names and value digests: a provider key can change a suite),
 * - the Node.js version, platform and architecture, and this cache's format.
 *
 * A changed byte anywhere in the key reruns the suites. The cache is never used by `--release`,
 * in CI (`CI` set), with `--no-cache` or with `WORLDFORGE_NO_CACHE=1`: release evidence and the
 * pull-request gate always come from a real regeneration. It only speeds up a developer's repeated
 * local checks, and the check says when it reused it. The file is sealed with a key of this user's
 * kept outside the checkout (sealed-file.ts), so a cache committed into a branch is never reused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problem.ts';
import { readSealed, writeSealed } from './sealed-file.ts';

/** Bumped when the key or the stored shape changes. */
const FORMAT = 1;
/** Where the cache lives, relative to the checkout (git-ignored). */
export const CHECK_CACHE_FILE = '.cache/check/suites.json';

/** Outputs and tool folders that are never suite inputs (the git-ignored ones). */
const NOT_INPUTS = new Set(['.git', 'node_modules', 'dist', 'dist-pkg', '.astro', '.cache', '.worldforge', 'test-results']);
const NOT_INPUT_FILES = /\.tmp$|^bench-corpus\.json$|^worldforge-check\.sarif$/;

/** What a suite run produced: the files (or none when an input corpus was invalid) and the input problems. */
export interface SuiteRun {
  fresh: [string, string][] | null;
  inputProblems: Problem[];
}

/** Every input file under `dir`, as `path\0digest` lines, in a stable order; links are hashed as links, never followed. */
function fileLines(root: string, dir: string, lines: string[]): void {
  const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!NOT_INPUTS.has(entry.name)) fileLines(root, path, lines);
    } else if (entry.isSymbolicLink()) {
      lines.push(`${path}\0link:${readlinkSync(join(root, path))}`);
    } else if (entry.isFile() && !NOT_INPUT_FILES.test(entry.name)) {
      lines.push(
        `${path}\0${createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex')}`,
      );
    }
  }
}

/** Files that are code rather than data: what the text memo's results depend on (text-memo.ts). */
const isCode = (line: string) => /^(?:src\/(?!content\/)|scripts\/|generators\/|bin\/)|^package(?:-lock)?\.json\0/.test(line);

/** The digests a check run is keyed by. */
export interface CheckKeys {
  /** Every input the suites can see in the checkout, the environment and the runtime. */
  suites: string;
  /** The code alone (sources, lockfile, runtime): the key of pure functions of a text. */
  code: string;
}

/** The keys of `root` under `env`. */
export function checkKeys(root: string, env: NodeJS.ProcessEnv = process.env): CheckKeys {
  const runtime = [`format ${FORMAT}`, `node ${process.version} ${process.platform} ${process.arch}`];
  const files: string[] = [];
  fileLines(root, '', files);
  const envLines = Object.keys(env)
    .sort()
    .map(
      (name) =>
        `env ${name}\0${createHash('sha256')
          .update(env[name] ?? '')
          .digest('hex')}`,
    );
  const digest = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');
  return { suites: digest([...runtime, ...envLines, ...files]), code: digest([...runtime, ...files.filter(isCode)]) };
}

/** The stored run for `key`, or null (no cache, another key, a broken or unsealed file: sealed-file.ts). */
export function readSuiteCache(root: string, key: string): SuiteRun | null {
  const payload = readSealed(root, CHECK_CACHE_FILE);
  if (payload === null) return null;
  try {
    const stored = JSON.parse(payload) as { format?: number; key?: string } & SuiteRun;
    if (stored.format !== FORMAT || stored.key !== key) return null;
    if (!(stored.fresh === null || Array.isArray(stored.fresh)) || !Array.isArray(stored.inputProblems)) return null;
    return { fresh: stored.fresh, inputProblems: stored.inputProblems };
  } catch {
    return null;
  }
}

/** Stores `run` under `key`, sealed (never through a symlink; a cache not written is only a slower next run). */
export function writeSuiteCache(root: string, key: string, run: SuiteRun): void {
  writeSealed(root, CHECK_CACHE_FILE, JSON.stringify({ format: FORMAT, key, ...run }));
}

/** Whether a check run may reuse the cache: never in release mode, in CI, or when switched off. */
export function suiteCacheAllowed(options: { release?: boolean; cache?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return options.cache === true && !options.release && !env.CI && env.WORLDFORGE_NO_CACHE !== '1';
}
