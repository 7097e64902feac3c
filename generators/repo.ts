/** Repository paths and file digests for generators. All paths in evidence are repo-relative. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Tag } from '../src/worldforge/digest.ts';

/** Absolute path of the repository root (the folder holding package.json). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function repoPath(relative: string): string {
  return join(REPO_ROOT, ...relative.split('/'));
}

/** `{path, sha256}` of a repository file, as recorded in an evidence envelope. */
export function inputDigest(relative: string): { path: string; sha256: string } {
  return { path: relative, sha256: sha256Tag(readFileSync(repoPath(relative))) };
}

/** Sorted, de-duplicated input digests. */
export function inputDigests(paths: Iterable<string>): { path: string; sha256: string }[] {
  return [...new Set(paths)].sort().map(inputDigest);
}

/** The package version, recorded in every envelope. */
export const WORLDFORGE_VERSION: string = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).version;
