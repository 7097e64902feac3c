/**
 * This user's WorldForge cache folder, outside every checkout: `$XDG_CACHE_HOME/worldforge`, else
 * `~/.cache/worldforge` (the sealing key, seal.mjs; Node's compile cache, bin/worldforge.mjs).
 * Plain JavaScript: the bin uses it before any TypeScript loader exists.
 *
 * Folders are made one level at a time, never with `recursive`: Node's recursive mkdir (and its
 * compile cache, which uses it) never returns when a level answers ENOENT under a parent that
 * exists (HOME=/proc: every CLI run hung), and a missing HOME is not ours to create.
 */
import { mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder `<cache>/worldforge/<...sub>`, made if missing (mode 700); null when it cannot be.
 * @param {...string} sub
 * @returns {string | null}
 */
export function userCacheFolder(...sub) {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  let folder = base;
  for (const name of ['', 'worldforge', ...sub]) {
    folder = name ? join(folder, name) : folder;
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') return null;
    }
  }
  try {
    return statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}
