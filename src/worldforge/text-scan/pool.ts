/**
 * The main thread's side of the text-scan worker (worker.ts). `prescanTexts` hands texts to the
 * worker and seeds the text memo (text-memo.ts) with its results, so when a rule later asks for a
 * scan of one of those texts, the answer is already there. It is an optimization only: without a
 * worker (the CLI not bundled, `WORLDFORGE_TEXT_SCAN_WORKER=0`, a library caller that never set
 * one), or when the worker fails, nothing is seeded and each call site computes on this thread,
 * with the same code and the same result.
 *
 * The worker is unreferenced while idle, so it never keeps a finished process alive, and
 * referenced while it owes an answer, so a process awaiting one does not exit under it.
 */
import { Worker } from 'node:worker_threads';
import { knownText, seedText } from '../text-memo.ts';
import type { ScanReply, ScanRequest } from './worker.ts';

let workerUrl: URL | null = null;
let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (results: unknown[] | null) => void }>();

/** Where the bundled worker is (set by bin/cli-bundle.mjs `loadCli`); `null` turns it off. */
export function useTextScanWorker(url: URL | string | null): void {
  workerUrl = url === null ? null : new URL(url);
}

const enabled = () => workerUrl !== null && !broken && process.env.WORLDFORGE_TEXT_SCAN_WORKER !== '0';

/** Ends every pending request with no result (its texts are then scanned on this thread). */
function fail(): void {
  broken = true;
  worker = null;
  for (const { resolve } of pending.values()) resolve(null);
  pending.clear();
}

function started(): Worker | null {
  if (worker || !enabled()) return worker;
  try {
    const created = new Worker(workerUrl as URL, { stdout: false, stderr: false });
    created.on('message', (reply: ScanReply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) created.unref();
      waiting?.resolve('results' in reply ? reply.results : null);
    });
    created.on('error', fail);
    created.on('exit', () => {
      if (worker === created) fail();
    });
    created.unref();
    worker = created;
  } catch {
    fail();
  }
  return worker;
}

/**
 * Scans `texts` with `scan` on the worker (those the memo does not know yet) and seeds the memo.
 * Resolves when they are seeded, or right away when there is no worker; never rejects.
 */
export function prescanTexts(scan: string, texts: Iterable<string>): Promise<void> {
  const unknown = [...new Set(texts)].filter((text) => !knownText(scan, text));
  const target = unknown.length ? started() : null;
  if (!target) return Promise.resolve();
  const id = nextId++;
  return new Promise<void>((done) => {
    pending.set(id, {
      resolve: (results) => {
        if (results && results.length === unknown.length) for (const [i, text] of unknown.entries()) seedText(scan, text, results[i]);
        done();
      },
    });
    target.ref();
    target.postMessage({ id, scan, texts: unknown } satisfies ScanRequest);
  });
}

/** Stops the worker (tests; a process that ends does not need to). */
export async function stopTextScanWorker(): Promise<void> {
  const current = worker;
  worker = null;
  broken = false;
  for (const { resolve } of pending.values()) resolve(null);
  pending.clear();
  await current?.terminate();
}
