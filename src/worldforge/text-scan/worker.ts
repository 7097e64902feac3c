/**
 * Entry of the text-scan worker (bundled beside the CLI as `.cache/cli/text-scan-worker.mjs` by
 * bin/cli-bundle.mjs): answers `{ id, scan, texts }` with `{ id, results }`, one result per text
 * in order, or `{ id, error }`. It runs the very functions the call sites memoize (scans.ts), so
 * the check's second core does the secret scans and the Markdown parse while the main thread
 * loads and validates everything else.
 */
import { parentPort } from 'node:worker_threads';
import { isTextScanName, TEXT_SCANS } from './scans.ts';

export interface ScanRequest {
  id: number;
  scan: string;
  texts: string[];
}

export type ScanReply = { id: number; results: unknown[] } | { id: number; error: string };

async function answer({ id, scan, texts }: ScanRequest): Promise<ScanReply> {
  if (!isTextScanName(scan)) return { id, error: `no text scan named ${JSON.stringify(scan)}` };
  try {
    const compute = TEXT_SCANS[scan] as (text: string) => unknown;
    const results: unknown[] = [];
    for (const text of texts) results.push(await compute(text));
    return { id, results };
  } catch (error) {
    return { id, error: String((error as Error)?.message ?? error) };
  }
}

// Requests are answered one at a time, in the order they came.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (request: ScanRequest) => {
  queue = queue.then(async () => parentPort?.postMessage(await answer(request)));
});
