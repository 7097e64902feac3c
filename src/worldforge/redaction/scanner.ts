/**
 * The scanner: every unsafe span of a text, found by the detectors (./detectors.ts) in the text
 * itself and in what its encoded tokens decode to (./decode.ts), a bounded number of layers deep.
 * It is synchronous and linear in the text's length, so every gate — evidence, events, run
 * manifests, findings, the check — can call it on any input.
 */
import { base64Runs, type DecodedSpan, escapedLines, hexRuns } from './decode.ts';
import { DETECTORS, HOST_PATH_PATTERN, type SecretKind } from './detectors.ts';

export type { SecretKind } from './detectors.ts';

export interface SecretHit {
  kind: SecretKind;
  /** Offset of the match in the scanned text. */
  index: number;
  /** A masked preview (first four characters) that is itself safe to print. */
  preview: string;
}

/** A hit with the span redaction rewrites. */
export interface SecretSpan extends SecretHit {
  /** End of the whole match. */
  end: number;
  /** Start of the secret value inside the match: text before it (a key name, a scheme) is kept. */
  valueStart: number;
  /** Where redaction stops when the secret reaches past the match (a private key's body); else `end`. */
  redactEnd?: number;
  /** What replaces `[valueStart, redactEnd ?? end)`. */
  replacement: string;
  /** Set when the secret was found only after decoding the span. */
  encoding?: DecodedSpan['encoding'];
}

/** How many encodings deep the scanner looks (a base64 value inside a percent-encoded URL is two). */
const MAX_DEPTH = 3;

const mask = (text: string) => `${text.slice(0, 4)}…`;

function directSpans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const detector of DETECTORS) {
    if (!detector.hint(text)) continue;
    for (const m of text.matchAll(detector.pattern)) {
      if (detector.accept && !detector.accept(m)) continue;
      const value = m.length > 1 ? (m[m.length - 1] ?? m[0]) : m[0];
      const end = m.index + m[0].length;
      spans.push({
        kind: detector.kind,
        index: m.index,
        preview: mask(m[0]),
        end,
        valueStart: detector.extendEnd ? m.index : end - value.length,
        ...(detector.extendEnd ? { redactEnd: detector.extendEnd(text, end) } : {}),
        replacement: typeof detector.replacement === 'function' ? detector.replacement(value) : (detector.replacement ?? '[redacted]'),
      });
    }
  }
  return spans;
}

function scan(text: string, depth: number): SecretSpan[] {
  const spans = directSpans(text);
  if (depth >= MAX_DEPTH) return spans;
  for (const layer of [...escapedLines(text), ...base64Runs(text), ...hexRuns(text)]) {
    const inner = scan(layer.decoded, depth + 1);
    // A secret found only after decoding: the whole encoded line or run is the span.
    const first = inner[0];
    if (first) {
      spans.push({
        kind: first.kind,
        index: layer.start,
        preview: mask(text.slice(layer.start, layer.end)),
        end: layer.end,
        valueStart: layer.start,
        replacement: first.kind === 'host-path' ? '[host-path]' : '[redacted]',
        encoding: layer.encoding,
      });
    }
  }
  return spans;
}

/**
 * Every unsafe span in `text`, by position; a span inside an earlier, longer one is dropped, so
 * one secret gives one hit. This is the full view redaction works from.
 */
export function secretSpans(text: string): SecretSpan[] {
  const sorted = scan(text, 0).sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: SecretSpan[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.end <= reach) continue;
    kept.push(span);
    reach = Math.max(reach, span.end);
  }
  return kept;
}

/** Every unsafe span in `text`, in order of position. Safe to call on any file's contents. */
export function findSecrets(text: string): SecretHit[] {
  return secretSpans(text).map(({ kind, index, preview }) => ({ kind, index, preview }));
}

/** True when `text` holds a host-local path. */
export function hasHostPath(text: string): boolean {
  return new RegExp(HOST_PATH_PATTERN.source).test(text);
}
