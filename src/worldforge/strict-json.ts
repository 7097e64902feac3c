/**
 * `parseJsonStrict`: the one JSON reader for authored and committed JSON inputs (evidence,
 * fixtures, scenes, recorded exchanges, live-smoke entries, run manifests). `JSON.parse` keeps the
 * last of two equal keys silently, so a reviewer reading the first one sees a different document
 * than the code does; it also reports errors as a character offset. This reader refuses duplicate
 * keys, a byte-order mark and nesting deeper than `MAX_JSON_DEPTH`, and every refusal is a Problem
 * naming file, line and column — never a stack trace. Syntax is checked by `jsonc-parser` (the
 * scanner VS Code uses) with comments and trailing commas disallowed; the value is `JSON.parse`'s.
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import type { Problem } from './problem.ts';

/** Deeper nesting is refused before parsing: no input WorldForge reads needs it, and recursive validators would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

export type StrictJson = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Offset where the nesting of arrays and objects first exceeds `max`, or -1 (one linear pass; strings skipped). */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip a string, honouring escapes
      for (i += 1; i < text.length && text.charCodeAt(i) !== 0x22; i += 1) if (text.charCodeAt(i) === 0x5c) i += 1;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return -1;
}

const ERROR_WORDS: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'the document should end here',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfString: 'unterminated string',
};

/** Object keys of a parsed JSON value, counted over every object in it. */
function keyCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + keyCount(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const key in value) n += 1 + keyCount((value as Record<string, unknown>)[key]);
  return n;
}

/** A property name in JSON text: a string (escapes included) followed by a colon. */
const PROPERTY = /"(?:[^"\\]|\\.)*"\s*:/g;

/**
 * The fast path: the native parser, then a duplicate-key test by counting. In text that
 * `JSON.parse` accepts, the only strings followed by a colon are property names, so the text
 * holds as many property names as the parsed value holds keys unless a name repeats in an object
 * (which keeps one). Null when the text fails either test: the exact reader below says where.
 */
function parseWithoutDuplicates(text: string): StrictJson | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  let names = 0;
  for (const _ of text.matchAll(PROPERTY)) names += 1;
  return names === keyCount(value) ? { ok: true, value } : null;
}

/**
 * Parses `text` (the content of `file`) as strict JSON. A problem names `file`, `line`, `column`,
 * the field `(json)` (or the duplicated key's path) and the reason.
 */
export function parseJsonStrict(text: string, file: string): StrictJson {
  const fail = (offset: number, field: string, reason: string): StrictJson => {
    const { line, column } = positionOf(text, offset);
    return { ok: false, problem: { file, line, column, field, reason: `${reason} (line ${line}, column ${column})` } };
  };
  if (text.charCodeAt(0) === 0xfeff) return fail(0, '(root)', 'starts with a byte-order mark; save the file as UTF-8 without BOM');
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep !== -1) return fail(deep, '(root)', `nested deeper than ${MAX_JSON_DEPTH} levels`);
  const fast = parseWithoutDuplicates(text);
  if (fast) return fast;
  let error: StrictJson | null = null;
  const keys: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property, offset, _length, _line, _column, pathSupplier) => {
        const seen = keys.at(-1);
        if (!seen || error) return;
        if (seen.has(property)) {
          const path = [...pathSupplier(), property].join('.');
          error = fail(offset, path, `duplicate key '${property}': JSON keeps only the last one, so the file says two things`);
        }
        seen.add(property);
      },
      onError: (code: ParseErrorCode, offset) => {
        if (error) return;
        const name = printParseErrorCode(code);
        error = fail(offset, '(root)', `not valid JSON: ${ERROR_WORDS[name] ?? name}`);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (error) return error;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return fail(0, '(root)', `not valid JSON: ${(e as Error).message}`);
  }
}

/** Thrown by `strictJsonValue`: the strict reader's problem; the message is its reason. */
export class StrictJsonError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.reason);
    this.name = 'StrictJsonError';
  }
}

/**
 * The value of strict JSON `text`, for a reader whose `catch` turns a parse failure into its own
 * problem: `parseJsonStrict`'s refusals (duplicate keys, a BOM, comments, trailing commas, deep
 * nesting) as a thrown `StrictJsonError`, whose message names line and column and never quotes
 * the text (`JSON.parse`'s messages can quote a secret).
 */
export function strictJsonValue(text: string, file = '(json)'): unknown {
  const parsed = parseJsonStrict(text, file);
  if (!parsed.ok) throw new StrictJsonError(parsed.problem);
  return parsed.value;
}

/** A reader's reason for a file that `strictJsonValue` refused, or that could not be read at all. */
export const jsonFailure = (error: unknown): string =>
  error instanceof StrictJsonError ? error.problem.reason : `cannot be read (${(error as NodeJS.ErrnoException)?.code ?? 'error'})`;
