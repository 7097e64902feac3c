/**
 * The main thread's side of the text-scan worker (worker.ts). `prescanTexts` hands texts to the
 * worker and seeds the text memo (text-memo.ts) with its results, so when a rule later asks for a
 * scan of one of those texts, the answer is already there. It is an optimization only: without a
 * worker (the CLI not bundled, `WORLDFORGE_TEXT_SCAN_WORKER=0`, a library caller that never set
 * one), or when the worker fails, nothing is seeded and each call site computes on this thread,
 * with the same code and the same result.
 *
 * One worker per worker build serves the whole process: the in-process test helper loads a new
 * CLI instance per run, and a worker per instance would load secretlint and the Markdown parser
 * again each time. Builds are told apart by the worker file's digest, so a copy of the repository
 * with other scanner code gets its own worker. The worker is unreferenced while idle, so it never
 * keeps a finished process alive, and referenced while it owes an answer, so a process awaiting
 * one does not exit under it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { knownText, seedText } from '../text-memo.ts';
import type { ScanReply, ScanRequest } from './worker.ts';

/** A running worker and the answers it owes, shared by every CLI instance of one build. */
interface SharedWorker {
  request(scan: string, texts: string[]): Promise<unknown[] | null>;
  stop(): Promise<void>;
}

const REGISTRY = Symbol.for('worldforge.text-scan-workers');
const holder = globalThis as { [REGISTRY]?: Map<string, SharedWorker> };
holder[REGISTRY] ??= new Map();
/** Every worker of this process, by the digest of its build's worker file. */
const shared: Map<string, SharedWorker> = holder[REGISTRY];

/** The worker of this module instance: its build's digest and file, or null when off. */
let configured: { build: string; url: URL } | null = null;

/** Where the bundled worker is (set by bin/cli-bundle.mjs `loadCli`); `null` turns it off. */
export function useTextScanWorker(url: URL | string | null): void {
  if (url === null) {
    configured = null;
    return;
  }
  const location = new URL(url);
  let build: string;
  try {
    build = createHash('sha256')
      .update(readFileSync(fileURLToPath(location)))
      .digest('hex');
  } catch {
    // No worker file: nothing to start; the scans stay on this thread.
    configured = null;
    return;
  }
  configured = { build, url: location };
}

/** Starts a worker whose failure ends every pending request with no result (then scanned here). */
function startWorker(url: URL, forget: () => void): SharedWorker {
  const pending = new Map<number, (results: unknown[] | null) => void>();
  let nextId = 1;
  let worker: Worker | null = null;
  const failAll = () => {
    forget();
    worker = null;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  try {
    worker = new Worker(url, { stdout: false, stderr: false });
    const own = worker;
    own.on('message', (reply: ScanReply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) own.unref();
      resolve?.('results' in reply ? reply.results : null);
    });
    own.on('error', failAll);
    own.on('exit', () => {
      if (worker === own) failAll();
    });
    own.unref();
  } catch {
    failAll();
  }
  return {
    request: (scan, texts) =>
      new Promise((resolve) => {
        if (!worker) return resolve(null);
        const id = nextId++;
        pending.set(id, resolve);
        worker.ref();
        worker.postMessage({ id, scan, texts } satisfies ScanRequest);
      }),
    stop: async () => {
      const current = worker;
      failAll();
      await current?.terminate();
    },
  };
}

/** The build's worker, started on first use. One that failed to start answers nothing, for good. */
function workerFor(build: string, url: URL): SharedWorker {
  const found = shared.get(build);
  if (found) return found;
  const created: SharedWorker = startWorker(url, () => {
    if (shared.get(build) === created) shared.delete(build);
  });
  shared.set(build, created);
  return created;
}

/**
 * Scans `texts` with `scan` on the worker (those the memo does not know yet) and seeds the memo.
 * Resolves when they are seeded, or right away when there is no worker; never rejects.
 */
export async function prescanTexts(scan: string, texts: Iterable<string>): Promise<void> {
  if (!configured || process.env.WORLDFORGE_TEXT_SCAN_WORKER === '0') return;
  const unknown = [...new Set(texts)].filter((text) => !knownText(scan, text));
  if (!unknown.length) return;
  const results = await workerFor(configured.build, configured.url).request(scan, unknown);
  if (results && results.length === unknown.length) for (const [i, text] of unknown.entries()) seedText(scan, text, results[i]);
}

/** Stops every worker of this process (tests; a process that ends does not need to). */
export async function stopTextScanWorkers(): Promise<void> {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(all.map((worker) => worker.stop()));
}
