/**
 * Paths stay inside the repository. A ref such as `live-smoke/x#/../../etc/passwd`, a symlink
 * `evidence/conformance -> /home/…` or a run folder linked elsewhere must never make WorldForge
 * read or write a file outside the checkout. `confinedPath` is the one test: the path is resolved
 * lexically and must stay under the root (a real containment check on path segments, not a string
 * prefix, so `/repo-evil` is not inside `/repo`), and no existing segment below the root may be a
 * symlink (checked with lstat, so a link is never followed to find out where it goes).
 */
import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Confined = { ok: true; path: string } | { ok: false; reason: string };

/** True when `child` (absolute) is `parent` or below it, compared segment by segment. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The absolute path of `relativePath` under `root`, or why it is refused: absolute, escaping the
 * root, containing a NUL byte, or passing through a symlink. Segments that do not exist yet are
 * fine (a file about to be written); only existing ones are lstat'ed.
 */
export function confinedPath(root: string, relativePath: string): Confined {
  if (relativePath.includes('\0')) return { ok: false, reason: 'contains a NUL byte' };
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath))
    return { ok: false, reason: 'is absolute; paths are repository-relative' };
  const base = resolve(root);
  const full = resolve(base, relativePath);
  if (!isInside(base, full)) return { ok: false, reason: 'leaves the repository' };
  let current = base;
  for (const segment of relative(base, full).split(sep).filter(Boolean)) {
    current = join(current, segment);
    let stat: ReturnType<typeof lstatSync> | undefined;
    try {
      stat = lstatSync(current);
    } catch {
      break; // does not exist (yet): nothing below it can be a link
    }
    if (stat.isSymbolicLink()) return { ok: false, reason: `passes through the symlink ${relative(base, current).split(sep).join('/')}` };
  }
  return { ok: true, path: full };
}
