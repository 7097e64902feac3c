/**
 * Cache files a checkout cannot forge. The check's caches live in the checkout (`.cache/`), where
 * a branch could commit a crafted one; so each is sealed with an HMAC under a key of this user's,
 * kept outside every checkout (`$XDG_CACHE_HOME/worldforge/cache-seal.key`, else
 * `~/.cache/worldforge/…`; 32 random bytes, created once, mode 600). A file whose seal does not
 * verify — forged, edited, or written under another user's key — reads as no cache, and without a
 * usable key nothing is cached at all. A cache is never written through a symlink (a branch could
 * commit `.cache -> /somewhere`): the path is confined to the checkout like every other write.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import { confinedPath } from './evidence/confine.ts';

const KEY_BYTES = 32;
let cachedKey: Buffer | null | undefined;

/** This user's sealing key, created on first use; null when it cannot be read or created. */
function sealKey(): Buffer | null {
  if (cachedKey !== undefined) return cachedKey;
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'worldforge');
  const file = join(dir, 'cache-seal.key');
  const read = () => {
    const key = readFileSync(file);
    return key.length === KEY_BYTES ? key : null;
  };
  try {
    cachedKey = read();
  } catch {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process created it first (then it is read below), or the folder is not writable.
    }
    try {
      cachedKey = read();
    } catch {
      cachedKey = null;
    }
  }
  return cachedKey;
}

const seal = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('hex');

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
    writeFileAtomic(target.path, `${seal(key, payload)}\n${payload}`);
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
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  const found = Buffer.from(text.slice(0, newline));
  const payload = text.slice(newline + 1);
  const expected = Buffer.from(seal(key, payload));
  return found.length === expected.length && timingSafeEqual(found, expected) ? payload : null;
}
