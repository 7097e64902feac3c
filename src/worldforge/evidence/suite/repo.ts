/**
 * Repository paths and file digests for the suites. Every path recorded in evidence is
 * repository-relative, so evidence never depends on where the checkout lives.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Tag } from '../../digest.ts';

/** Absolute path of the repository root (the folder holding package.json). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export function repoPath(relativePath: string): string {
  return join(REPO_ROOT, ...relativePath.split('/'));
}

/**
 * Repository-relative POSIX path of a module, from its `import.meta.url`. Suites list their own
 * source as an input this way, so moving a file cannot leave a stale path in evidence.
 */
export const sourceOf = (moduleUrl: string) => relative(REPO_ROOT, fileURLToPath(moduleUrl)).split(sep).join('/');

/** `{path, sha256}` of a repository file, as recorded in an evidence envelope. */
export function inputDigest(relativePath: string): { path: string; sha256: string } {
  return { path: relativePath, sha256: sha256Tag(readFileSync(repoPath(relativePath))) };
}

/** Sorted, de-duplicated input digests. */
export function inputDigests(paths: Iterable<string>): { path: string; sha256: string }[] {
  return [...new Set(paths)].sort().map(inputDigest);
}

/** The package version, recorded in every envelope. */
export const WORLDFORGE_VERSION: string = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).version;
