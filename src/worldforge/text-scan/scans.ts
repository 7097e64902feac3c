/**
 * The pure text scans a check may run on another thread: each is a function of (its code, the
 * text) alone, memoized under this name by its call site (text-memo.ts), so a result computed in
 * the scan worker (worker.ts) and seeded into the memo is exactly what the call site would have
 * computed itself. A name here that no call site uses would make the worker's work useless; the
 * test seeds each name with a sentinel and shows its call site answers with it.
 */
import { parseClaimReferences } from '../claims/references.ts';
import { secretSpans } from '../redaction/scanner.ts';
import { lintCredentials } from '../redaction/secretlint.ts';

export const TEXT_SCANS = {
  /** redaction/file-scan.ts `scanFileText`: the project's detectors. */
  'secret-spans': secretSpans,
  /** redaction/secretlint.ts `scanCredentials`: secretlint's recommended preset. */
  secretlint: lintCredentials,
  /** claims/references.ts `findClaimReferences`: the Markdown parse of claim references. */
  'claim-references': parseClaimReferences,
} satisfies Record<string, (text: string) => unknown>;

export type TextScanName = keyof typeof TEXT_SCANS;

export const isTextScanName = (name: unknown): name is TextScanName => typeof name === 'string' && Object.hasOwn(TEXT_SCANS, name);
