/**
 * One file's leaks, by line: the project's detectors plus secretlint's credential rules, merged
 * into one hit per line so one secret gives one finding. Used by every secret-scan check rule.
 */
import type { SecretKind } from './detectors.ts';
import { secretSpans } from './scanner.ts';
import type { CredentialScan } from './secretlint.ts';
import { memoText } from '../text-memo.ts';

export interface LineHit {
  /** 1-based line of the first character of the secret. */
  line: number;
  /** Kinds found on the line, in order of position. `unscanned` when secretlint never saw the text. */
  kinds: (SecretKind | 'unscanned')[];
  /** A masked preview per kind (at most four characters of a match, or a rule name), safe to print. */
  previews: string[];
}

/** Start offsets of every line, for a binary search from offset to line number. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Every line of `text` holding a secret, signed URL, credential or host path. With `credentials`,
 * secretlint's hits for the text are merged in; a text the scan did not cover yields one
 * `unscanned` hit on line 1, so a loader that forgot a text fails closed.
 */
export function scanFileText(text: string, credentials?: CredentialScan): LineHit[] {
  const starts = lineStarts(text);
  const byLine = new Map<number, LineHit>();
  const add = (offset: number, kind: LineHit['kinds'][number], preview: string) => {
    const line = lineOf(starts, offset);
    const hit = byLine.get(line) ?? { line, kinds: [], previews: [] };
    if (!hit.kinds.includes(kind)) {
      hit.kinds.push(kind);
      hit.previews.push(preview);
    }
    byLine.set(line, hit);
  };
  for (const span of memoText('secret-spans', text, secretSpans)) add(span.index, span.kind, span.preview);
  if (credentials) {
    const hits = credentials.hits(text);
    if (hits === undefined) add(0, 'unscanned', 'not scanned by secretlint');
    else for (const hit of hits) add(hit.index, hit.kind, hit.preview);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** `api-key (sk_l…); credential (STRIPE_SECRET_KEY_LIVE)`: what a finding says it found, first kind first. */
export const describeHit = (hit: LineHit) => hit.kinds.map((kind, i) => `${kind} (${hit.previews[i]})`).join('; ');
