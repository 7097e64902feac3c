/**
 * Before `evidence generate` writes anything: every folder that will receive a file must accept
 * one. A read-only `evidence/` (or README.md) is then one clear error naming the paths, and
 * nothing is half-written: without this, the first files would be replaced before the write that
 * fails. Each folder is probed by creating and removing a file, because permission bits alone lie
 * (root ignores them; read-only mounts ignore them the other way).
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { confinedPath } from '../src/worldforge/evidence/confine.ts';
import { ioReason } from './cli-errors.ts';

export interface Unwritable {
  /** Repository-relative path of the folder or file that refuses writes. */
  path: string;
  reason: string;
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
export function unwritableTargets(files: readonly string[], root: string): Unwritable[] {
  // A target reached through a symlink (or outside the checkout) is refused before anything else:
  // writing would follow the link to wherever it points.
  const unconfined = files.flatMap((file) => {
    const confined = confinedPath(root, relative(root, file));
    return confined.ok ? [] : [{ path: relative(root, file), reason: `it ${confined.reason}` }];
  });
  if (unconfined.length) return unconfined;
  const folders = new Set(files.map((file) => existingFolder(dirname(file))));
  const problems: Unwritable[] = [];
  for (const folder of [...folders].sort()) {
    const reason = statSync(folder).isDirectory() ? probe(folder) : 'a parent is not a folder';
    if (reason) problems.push({ path: relative(root, folder) || '.', reason });
  }
  for (const file of files) {
    if (existsSync(file) && !statSync(file).isFile()) problems.push({ path: relative(root, file), reason: 'it is not a regular file' });
  }
  return problems;
}
