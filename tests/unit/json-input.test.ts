/** JSON inputs handed to commands: the strict reader's refusals with their path, a size cap, nothing throws. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonInput, readJsonInput } from '../../src/worldforge/json-input.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const duplicateAt = (text: string) => {
  const parsed = parseJsonInput(text);
  return parsed.ok ? null : parsed.problem.path;
};

describe('duplicate keys', () => {
  it('names the repeated key with its path, including escaped spellings of the same key', () => {
    expect(duplicateAt('{"a": 1, "b": {"c": 2, "c": 3}}')).toBe('b.c');
    expect(duplicateAt('{"a\\u0062": 4, "ab": 5}')).toBe('ab');
    expect(duplicateAt('{"list": [{"x": 1}, {"y": 1, "y": 2}], "s": "\\"y\\": 1, \\"y\\": 2"}')).toBe('list.1.y');
    expect(duplicateAt('{"status": "passed", "status": "failed"}')).toBe('status');
    expect(parseJsonInput('[{"a": 1}, {"a": 1}]')).toEqual({ ok: true, value: [{ a: 1 }, { a: 1 }] });
  });

  it('finds none in anything JSON.stringify writes (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => parseJsonInput(JSON.stringify(value, null, 1)).ok));
  });

  it('refuses deep nesting as a problem instead of overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseJsonInput(deep)).toMatchObject({ ok: false, problem: { message: expect.stringContaining('nested deeper') } });
  });
});

describe('parseJsonInput / readJsonInput', () => {
  it('turns syntax errors, duplicates, size and non-files into problems', () => {
    expect(parseJsonInput('{"a": 1,}')).toMatchObject({
      ok: false,
      problem: { path: '(root)', message: expect.stringContaining('not valid JSON') },
    });
    expect(parseJsonInput('{"a": 1, "a": 2}')).toMatchObject({
      ok: false,
      problem: { path: 'a', message: expect.stringContaining('duplicate key') },
    });
    // A byte-order mark is refused, as in every other JSON and YAML input (one rule for all inputs).
    expect(parseJsonInput('\uFEFF{"a": 1}')).toMatchObject({ ok: false, problem: { message: expect.stringContaining('byte-order mark') } });
    dir = mkdtempSync(join(tmpdir(), 'wf-json-'));
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ message: 'x'.repeat(2048) }));
    expect(readJsonInput(join(dir, 'big.json'), 1024)).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('limit is 1024 bytes') },
    });
    expect(readJsonInput(join(dir, 'big.json'), 4096)).toMatchObject({ ok: true });
    mkdirSync(join(dir, 'd.json'));
    expect(readJsonInput(join(dir, 'd.json'), 4096)).toMatchObject({ ok: false, problem: { message: 'not a regular file' } });
    expect(readJsonInput(join(dir, 'missing.json'), 4096)).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('ENOENT') },
    });
  });
});
