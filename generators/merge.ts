/**
 * Merging sharded evidence: `evidence generate --shard i/n --out <dir>` writes one shard's
 * documents (and the JSON Schemas) into <dir>; `evidence merge <dir>…` unions the shards and
 * rebuilds index.json, giving the tree an unsharded `evidence generate` writes, byte for byte. A
 * CI matrix runs the shards (the distributed engine is the CI's, not ours); merge only joins.
 */
import { existsSync, statSync } from 'node:fs';
import { INDEX_PATH } from '../src/worldforge/evidence/index.ts';
import { readEvidenceDir } from '../src/worldforge/evidence/read.ts';
import { buildIndex, type EvidenceFiles, type Subject } from './run.ts';

/** Shards that cannot be merged: a missing folder, two shards disagreeing on a file, a subject no shard produced. */
export class MergeError extends Error {}

/**
 * The merged tree of the shard folders (index.json rebuilt, a shard's own index ignored). Every
 * subject must come from some shard, so a forgotten shard never prunes evidence on write.
 */
export function mergeEvidenceTrees(dirs: readonly string[], subjects: readonly Subject[]): EvidenceFiles {
  const missingDirs = dirs.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missingDirs.length) throw new MergeError(`not a folder: ${missingDirs.join(', ')}`);
  const merged: EvidenceFiles = new Map();
  const origin = new Map<string, string>();
  const conflicts: string[] = [];
  for (const dir of dirs) {
    for (const [path, content] of readEvidenceDir(dir)) {
      if (path === INDEX_PATH) continue;
      const before = merged.get(path);
      if (before !== undefined && before !== content) conflicts.push(`${path} differs between ${origin.get(path)} and ${dir}`);
      else if (before === undefined) {
        merged.set(path, content);
        origin.set(path, dir);
      }
    }
  }
  if (conflicts.length) throw new MergeError(`the shards disagree (were they generated from one commit?):\n${conflicts.join('\n')}`);
  const absent = subjects.filter((s) => !merged.has(`${s.id}.json`)).map((s) => s.id);
  if (absent.length) throw new MergeError(`no shard produced ${absent.join(', ')}: merge the output of every shard (1/n … n/n)`);
  const sorted: EvidenceFiles = new Map([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  sorted.set(INDEX_PATH, buildIndex(sorted));
  return sorted;
}
