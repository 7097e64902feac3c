/**
 * This user's sealing key and the seal itself: the one definition shared by the check's caches
 * (sealed-file.ts) and the CLI bundle's sidecar (bin/cli-bundle.mjs). Plain JavaScript, because the
 * bin reads the sidecar before any TypeScript loader exists.
 *
 * Files under `.cache/` live in the checkout, where a branch could commit crafted ones; a seal is
 * an HMAC under a key kept outside every checkout (`cache-seal.key` in this user's cache folder,
 * user-cache.mjs; 32 random bytes, created once, mode 600), so a committed or
 * hand-edited file, or one written under another user's key, does not verify.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userCacheFolder } from './user-cache.mjs';

const KEY_BYTES = 32;
/** @type {Buffer | null | undefined} */
let cachedKey;

/**
 * This user's sealing key, created on first use; null when it cannot be read or created.
 * @returns {Buffer | null}
 */
export function sealKey() {
  if (cachedKey !== undefined) return cachedKey;
  const dir = userCacheFolder();
  if (!dir) {
    cachedKey = null;
    return cachedKey;
  }
  const file = join(dir, 'cache-seal.key');
  const read = () => {
    const key = readFileSync(file);
    return key.length === KEY_BYTES ? key : null;
  };
  try {
    cachedKey = read();
  } catch {
    try {
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

/** @param {Buffer} key @param {string} payload */
const hmac = (key, payload) => createHmac('sha256', key).update(payload).digest('hex');

/**
 * The sealed text of `payload`: its seal on the first line, then the payload.
 * @param {Buffer} key
 * @param {string} payload
 * @returns {string}
 */
export function sealText(key, payload) {
  return `${hmac(key, payload)}\n${payload}`;
}

/**
 * The payload of a sealed text, or null when its seal does not verify under `key`.
 * @param {Buffer} key
 * @param {string} text
 * @returns {string | null}
 */
export function unsealText(key, text) {
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  const found = Buffer.from(text.slice(0, newline));
  const payload = text.slice(newline + 1);
  const expected = Buffer.from(hmac(key, payload));
  return found.length === expected.length && timingSafeEqual(found, expected) ? payload : null;
}
