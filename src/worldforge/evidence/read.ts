/** Reads text files under a folder as they are on disk, keyed by POSIX path relative to that folder. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `root` (recursively) whose name matches `names`; empty when `root` is absent. */
export function readTextTree(root: string, names: RegExp): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (names.test(entry.name)) files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** The evidence folder: every `.json` document and `.md` export. */
export const readEvidenceDir = (root: string) => readTextTree(root, /\.(json|md)$/);
