/**
 * This user's WorldForge cache folder, outside every checkout: `$XDG_CACHE_HOME/worldforge`, else
 * `~/.cache/worldforge` (the sealing key, seal.mjs; Node's compile cache, bin/worldforge.mjs).
 * Plain JavaScript: the bin uses it before any TypeScript loader exists.
 *
 * The folders are made by make-folders.mjs, one level at a time: Node's recursive mkdir (which its
 * compile cache uses too) never returns when a level answers ENOENT under a parent that exists
 * (HOME=/proc: every CLI run hung). The cache root's own parent (HOME) is never created here.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFolders } from './make-folders.mjs';

/**
 * The folder `<cache>/worldforge/<...sub>`, made if missing (mode 700); null when it cannot be.
 * @param {...string} sub
 * @returns {string | null}
 */
export function userCacheFolder(...sub) {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const folder = join(base, 'worldforge', ...sub);
  try {
    // A missing home is not ours to create.
    if (!statSync(dirname(base)).isDirectory()) return null;
    makeFolders(folder, 0o700);
    return folder;
  } catch {
    return null;
  }
}
