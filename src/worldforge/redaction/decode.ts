/**
 * Encodings a secret hides behind: percent-encoding (a signed URL inside another URL's query),
 * JSON and JavaScript string escapes (`https:\/\/…`, `\u003d`), HTML entities (`&amp;`, `&#x3D;`)
 * base64 (`Authorization: Basic …`, a key pasted base64-encoded) and hex. The scanner decodes only the
 * lines and runs that carry such a marker, and each decoding shrinks the text, so scanning stays
 * linear.
 */

/** Markers of an encoding the scanner can undo. */
export const ENCODING_MARKER =
  /%[0-9A-Fa-f]{2}|\\(?:[\\/"bfnrt]|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  sol: '/',
  colon: ':',
  quest: '?',
  equals: '=',
  num: '#',
  percnt: '%',
  commat: '@',
  nbsp: ' ',
};

const codePoint = (n: number) => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** Undoes one layer of percent-encoding, string escapes and HTML entities; invalid sequences stay. */
export function decodeLayer(text: string): string {
  return text.replace(ENCODING_MARKER, (marker) => {
    if (marker.startsWith('%')) return String.fromCharCode(Number.parseInt(marker.slice(1), 16));
    if (marker.startsWith('&')) {
      const body = marker.slice(1, -1);
      if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(Number.parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return codePoint(Number.parseInt(body.slice(1), 10));
      return NAMED_ENTITIES[body.toLowerCase()] ?? marker;
    }
    const letter = marker[1];
    if (letter === 'u' || letter === 'x') return String.fromCharCode(Number.parseInt(marker.slice(2), 16));
    return { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[letter as 'b'] ?? (letter as string);
  });
}

/** A span of the scanned text, and what it decodes to. */
export interface DecodedSpan {
  start: number;
  end: number;
  decoded: string;
  encoding: 'escaped' | 'base64' | 'hex';
}

/**
 * Lines of `text` that hold an encoding marker, decoded. A line, not a token, is the unit: an
 * escaped JSON string (`{\"client_secret\": \"…\"}`) holds quotes and spaces once decoded. Each
 * line is visited once however many markers it holds (the search resumes after the line), so the
 * cost is linear in `text`.
 */
export function escapedLines(text: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  let covered = 0;
  for (const marker of text.matchAll(ENCODING_MARKER)) {
    if (marker.index < covered) continue;
    const start = text.lastIndexOf('\n', marker.index) + 1;
    const newline = text.indexOf('\n', marker.index);
    const end = newline < 0 ? text.length : newline;
    covered = end;
    const line = text.slice(start, end);
    const decoded = decodeLayer(line);
    if (decoded !== line) spans.push({ start, end, decoded, encoding: 'escaped' });
  }
  return spans;
}

/** A base64 or base64url run long enough to hold a credential. */
export const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** True when every character is printable ASCII or ordinary whitespace. */
const PRINTABLE = /^[\x20-\x7e\t\n\r]+$/;

/**
 * Base64 runs of `text` whose decoding is printable text (binary data such as images or hashes
 * decodes to bytes and is skipped). Runs never overlap, so the cost is linear in `text`.
 */
export function base64Runs(text: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const run of text.matchAll(BASE64_RUN)) {
    const decoded = Buffer.from(run[0], 'base64').toString('latin1');
    if (decoded.length >= 12 && PRINTABLE.test(decoded)) {
      spans.push({ start: run.index, end: run.index + run[0].length, decoded, encoding: 'base64' });
    }
  }
  return spans;
}

/** A hex run long enough to hold a credential (a sha256 digest decodes to bytes and is skipped). */
export const HEX_RUN = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{24,}(?![0-9A-Fa-f])/g;

/** Hex runs of `text` whose decoding is printable text. Runs never overlap: linear in `text`. */
export function hexRuns(text: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const run of text.matchAll(HEX_RUN)) {
    if (run[0].length % 2 !== 0) continue;
    const decoded = Buffer.from(run[0], 'hex').toString('latin1');
    if (PRINTABLE.test(decoded)) spans.push({ start: run.index, end: run.index + run[0].length, decoded, encoding: 'hex' });
  }
  return spans;
}
