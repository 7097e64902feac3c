/**
 * Cache files a checkout cannot forge. The check's caches live in the checkout (`.cache/`), where
 * a branch could commit a crafted one; so each is sealed with an HMAC under a key of this user's,
 * kept outside every checkout (seal.mjs, shared with the CLI bundle's sidecar). A file whose seal
 * does not verify — forged, edited, or written under another user's key — reads as no cache, and
 * without a usable key nothing is cached at all. A cache is never written through a symlink (a
 * branch could commit `.cache -> /somewhere`): the path is confined to the checkout like every
 * other write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import { confinedPath } from './evidence/confine.ts';
import { sealKey, sealText, unsealText } from './seal.mjs';

/**
 * Writes `payload` to `file` (relative to `root`) with its seal, atomically. False when there is no
 * key, the path passes through a symlink, or the write fails (a cache not written is only a slower
 * next run).
 */
export function writeSealed(root: string, file: string, payload: string): boolean {
  const key = sealKey();
  const target = confinedPath(root, file);
  if (!key || !target.ok) return false;
  try {
    writeFileAtomic(target.path, sealText(key, payload));
    return true;
  } catch {
    return false;
  }
}

/** The payload of the sealed `file` under `root`, or null when it is missing, unreadable or its seal does not verify. */
export function readSealed(root: string, file: string): string | null {
  const key = sealKey();
  if (!key) return null;
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return null;
  }
  return unsealText(key, text);
}
