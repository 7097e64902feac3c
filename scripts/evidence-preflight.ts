/**
 * Before `evidence generate` writes anything: every folder that will receive a file must accept
 * one. A read-only `evidence/` (or README.md) is then one clear error naming the paths, and
 * nothing is half-written: without this, the first files would be replaced before the write that
 * fails. Each folder is probed by creating and removing a file, because permission bits alone lie
 * (root ignores them; read-only mounts ignore them the other way).
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { confinedPath } from '../src/worldforge/evidence/confine.ts';
import { ioReason } from './cli-errors.ts';

export interface Unwritable {
  /** Path of the folder or file that refuses writes: relative to the root, under the root's label. */
  path: string;
  reason: string;
}

/**
 * Why `--out <dir>` cannot receive a tree, or null: an existing file there is refused before any
 * suite runs, naming the option as the user typed it.
 */
export function outFolderProblem(out: string, typed: string): string | null {
  if (!existsSync(out) || statSync(out).isDirectory()) return null; // absent: created on write
  return `--out ${typed}: it is a file, not a folder`;
}

/** The nearest existing folder at or above `path` (where mkdir -p would start). */
function existingFolder(path: string): string {
  let folder = path;
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

function probe(folder: string): string | null {
  const file = join(folder, `.worldforge-write-probe-${process.pid}`);
  try {
    writeFileSync(file, '');
    rmSync(file, { force: true });
    return null;
  } catch (error) {
    return ioReason(error);
  }
}

/**
 * Every target that would refuse a write: the folders of `files` (absolute paths; missing folders
 * are judged by their nearest existing parent) and each existing file itself when it is not a
 * regular file, or every target that passes through a symlink. Empty when everything can be written.
 */
export function unwritableTargets(files: readonly string[], root: string, label = ''): Unwritable[] {
  // Paths are shown relative to the root, under its label (`--out` as typed): never '.' alone.
  const shown = (path: string) => {
    const rel = relative(root, path).split(sep).join('/');
    // At or above the root (a missing root is judged by its nearest existing parent): the root.
    const atRoot = rel === '' || rel === '..' || rel.startsWith('../');
    if (!label) return atRoot ? 'the repository root' : rel;
    return atRoot ? label : `${label.replace(/\/+$/, '')}/${rel}`;
  };
  // A target reached through a symlink (or outside the checkout) is refused before anything else:
  // writing would follow the link to wherever it points.
  const unconfined = files.flatMap((file) => {
    const confined = confinedPath(root, relative(root, file));
    return confined.ok ? [] : [{ path: shown(file), reason: `it ${confined.reason}` }];
  });
  if (unconfined.length) return unconfined;
  const folders = new Set(files.map((file) => existingFolder(dirname(file))));
  const problems: Unwritable[] = [];
  for (const folder of [...folders].sort()) {
    // A root that is a file was refused before (outFolderProblem), so this is a parent of it.
    const reason = statSync(folder).isDirectory() ? probe(folder) : 'a parent is not a folder';
    if (reason) problems.push({ path: shown(folder), reason });
  }
  for (const file of files) {
    if (existsSync(file) && !statSync(file).isFile()) problems.push({ path: shown(file), reason: 'it is not a regular file' });
  }
  return problems;
}
