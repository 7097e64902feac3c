/** Atomic file writes, shared by evidence, run manifests and live-smoke entries. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeFolders } from './make-folders.mjs';

/**
 * Writes `content` to `path` through a temp file in the same folder and a rename, so a reader (or
 * an interrupted run) never sees a half-written file.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  makeFolders(dirname(path));
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
