/**
 * Reading JSON that a user hands to a command (run manifests for `smoke record`): bounded in size
 * (larger files are refused before they are read), then parsed by the strict reader
 * (strict-json.ts), so a file cannot show a reviewer one value and give the program another.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseJsonStrict } from './strict-json.ts';

/** One reason a JSON input was refused: the field (dotted path, or `(root)`) and why. */
export interface JsonInputProblem {
  path: string;
  message: string;
}

export type JsonInput = { ok: true; value: unknown } | { ok: false; problem: JsonInputProblem };

/**
 * Parses JSON text with the project's one strict reader (`parseJsonStrict`: duplicate keys, a BOM,
 * comments, trailing commas and deep nesting are refused): a problem, never a throw.
 */
export function parseJsonInput(text: string): JsonInput {
  const parsed = parseJsonStrict(text, '(input)');
  if (parsed.ok) return parsed;
  return { ok: false, problem: { path: parsed.problem.field ?? '(root)', message: parsed.problem.reason } };
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
