/**
 * Reads text files under a folder as they are on disk, keyed by POSIX path relative to that folder.
 * Symlinks are never followed: a link under evidence/, content/ or fixtures/ could make the check
 * read (and the site publish) a file from anywhere on the host. The walkers report every entry
 * they refuse instead, so the check turns each into one `symlink-refused` finding.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** An entry a walker did not read: its path relative to the walked folder and why. */
export interface RefusedEntry {
  path: string;
  reason: string;
}

const posix = (path: string) => path.split('\\').join('/');

/** Why an entry that is neither a regular file nor a directory is refused. */
const refusal = (entry: { isSymbolicLink(): boolean }) =>
  entry.isSymbolicLink() ? 'is a symlink; links are never followed' : 'is not a regular file';

/**
 * Every regular file under `root` (recursively) whose name matches `names`, and every entry
 * refused on the way (symlinks, sockets, a `root` that is itself a link). Empty when `root` is absent.
 */
export function walkTextTree(root: string, names: RegExp): { files: Map<string, string>; refused: RefusedEntry[] } {
  const files = new Map<string, string>();
  const refused: RefusedEntry[] = [];
  if (!existsSync(root) && !isLink(root)) return { files, refused };
  if (isLink(root)) return { files, refused: [{ path: '.', reason: 'the folder is a symlink; links are never followed' }] };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = posix(relative(root, full));
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (names.test(entry.name)) files.set(path, readFileSync(full, 'utf8'));
      } else refused.push({ path, reason: refusal(entry) });
    }
  };
  walk(root);
  return { files, refused };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Every regular file under `root` whose name matches `names` (refused entries are left out; `walkTextTree` lists them). */
export const readTextTree = (root: string, names: RegExp): Map<string, string> => walkTextTree(root, names).files;

/** The evidence folder: every `.json` document and `.md` export. */
export const readEvidenceDir = (root: string) => readTextTree(root, /\.(json|md)$/);

/**
 * The entries directly in `dir` whose name ends with `suffix`, sorted: regular files with their
 * text, and the others (a directory named `x.md`, a symlink) refused with a reason, never read.
 * Empty when `dir` is absent (or is itself a link: `refusedEntries` reports that).
 */
export function readFileEntries(
  dir: string,
  suffix: string,
): { files: { name: string; text: string }[]; refused: { name: string; reason: string }[] } {
  const files: { name: string; text: string }[] = [];
  const refused: { name: string; reason: string }[] = [];
  if (!existsSync(dir) || isLink(dir)) return { files, refused };
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith(suffix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isFile()) files.push({ name: entry.name, text: readFileSync(join(dir, entry.name), 'utf8') });
    else if (entry.isDirectory()) refused.push({ name: entry.name, reason: `is a directory, not a ${suffix} file` });
    else refused.push({ name: entry.name, reason: refusal(entry) });
  }
  return { files, refused };
}

/** The `*.md` entries directly in `dir` (see `readFileEntries`). */
export const readMarkdownEntries = (dir: string) => readFileEntries(dir, '.md');

/** Folders whose symlinks the check refuses: authored and generated data, and local run workspaces. */
export const CONFINED_FOLDERS = ['evidence', 'content', 'fixtures', '.worldforge', 'src/content/docs'] as const;

/** Every symlink (or other non-regular entry) under the confined folders of `root`, as repository-relative paths. */
export function refusedEntries(root: string, folders: readonly string[] = CONFINED_FOLDERS): RefusedEntry[] {
  return folders.flatMap((folder) =>
    walkTextTree(join(root, folder), /^$/).refused.map((entry) => ({
      path: entry.path === '.' ? folder : `${folder}/${entry.path}`,
      reason: entry.reason,
    })),
  );
}
