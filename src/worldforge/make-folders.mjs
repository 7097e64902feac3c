/**
 * `mkdir -p` that always returns. Node's `mkdirSync(path, { recursive: true })` never returns when
 * a level answers ENOENT under a parent that exists (any path under /proc): the CLI then hung
 * instead of saying it cannot write there. This makes the missing levels one at a time and throws
 * the first error as it is (ENOENT, EACCES, ENOTDIR, …), which the writers turn into their
 * messages. Plain JavaScript, so the bin can use it before any TypeScript loader exists.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes `folder` and any missing parents (mode applies to the levels made here).
 * @param {string} folder
 * @param {number} [mode]
 */
export function makeFolders(folder, mode = 0o777) {
  const missing = [];
  let level = folder;
  for (;;) {
    try {
      if (statSync(level).isDirectory()) break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    }
    // An existing non-folder is refused by mkdir below (EEXIST/ENOTDIR), as `mkdir -p` refuses it.
    missing.push(level);
    const parent = dirname(level);
    if (parent === level) break;
    level = parent;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path, { mode });
    } catch (error) {
      // Made meanwhile by another process: fine when it is a folder.
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
  }
}
