/**
 * Reading JSON that a user hands to a command (run manifests for `smoke record`): bounded in size,
 * strict in syntax, and without duplicate keys. `JSON.parse` silently keeps the last of two equal
 * keys, so a file could show a reviewer one value and give the program another; such a file is
 * refused, naming the key.
 *
 * The duplicate-key scan runs over text `JSON.parse` has already accepted, in one linear pass with
 * an explicit stack (no recursion, so deep nesting cannot overflow it). Libraries that report
 * duplicates (`yaml` with `uniqueKeys`, `jsonc-parser`) parse recursively and are an order of
 * magnitude slower on large inputs, so this small scanner is the one hand-written piece here.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One reason a JSON input was refused: the field (dotted path, or `(root)`) and why. */
export interface JsonInputProblem {
  path: string;
  message: string;
}

export type JsonInput = { ok: true; value: unknown } | { ok: false; problem: JsonInputProblem };

/**
 * Paths of keys that occur twice in the same object (`a.b` for the second `b` inside `a`), in text
 * order. `text` must already be valid JSON.
 */
export function duplicateKeyPaths(text: string): string[] {
  const duplicates: string[] = [];
  // One frame per open container: its keys so far (objects only), its parent and its name there.
  // Paths are built only for a duplicate, so the scan stays linear however deep the nesting.
  interface Frame {
    keys: Set<string> | null;
    index: number;
    parent: Frame | null;
    segment: string | null;
  }
  let top: Frame | null = null;
  let pendingKey: string | null = null;
  const pathOf = (frame: Frame | null, key: string) => {
    const segments = [key];
    for (let f = frame; f?.segment != null; f = f.parent) segments.unshift(f.segment);
    return segments.join('.');
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      let next = end + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (top?.keys && text[next] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) duplicates.push(pathOf(top, key));
        top.keys.add(key);
        pendingKey = key;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      const segment: string | null = top === null ? null : top.keys ? pendingKey : String(top.index);
      top = { keys: ch === '{' ? new Set() : null, index: 0, parent: top, segment };
      pendingKey = null;
    } else if (ch === '}' || ch === ']') {
      top = top === null ? null : top.parent;
    } else if (ch === ',' && top && !top.keys) {
      top.index++;
    }
  }
  return duplicates;
}

/** Parses JSON text: a syntax error or a duplicate key becomes a problem, never a throw. */
export function parseJsonInput(text: string): JsonInput {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problem: { path: '(root)', message: `not valid JSON (${(error as Error).message.split('\n')[0]})` } };
  }
  const [duplicate] = duplicateKeyPaths(text);
  if (duplicate !== undefined) {
    return { ok: false, problem: { path: duplicate, message: 'duplicate key: the same key occurs twice in one object' } };
  }
  return { ok: true, value };
}

/**
 * Reads a JSON file of at most `maxBytes` (larger files are refused before they are read into
 * memory) and parses it with `parseJsonInput`. Unreadable files (missing, a directory) are problems.
 */
export function readJsonInput(file: string, maxBytes: number): JsonInput {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return {
      ok: false,
      problem: { path: '(root)', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
    };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: { path: '(root)', message: 'not a regular file' } };
    if (stat.size > maxBytes) {
      return { ok: false, problem: { path: '(root)', message: `${stat.size} bytes; the limit is ${maxBytes} bytes` } };
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseJsonInput(buffer.subarray(0, read).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
