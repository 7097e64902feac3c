/** JSON inputs: duplicate keys are refused with their path, size is capped, nothing throws. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { duplicateKeyPaths, parseJsonInput, readJsonInput } from '../../src/worldforge/json-input.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('duplicateKeyPaths', () => {
  it('names each repeated key with its path, including escaped spellings of the same key', () => {
    expect(duplicateKeyPaths('{"a": 1, "b": {"c": 2, "c": 3}, "a\\u0062": 4, "ab": 5}')).toEqual(['b.c', 'ab']);
    expect(duplicateKeyPaths('{"list": [{"x": 1}, {"y": 1, "y": 2}], "s": "\\"y\\": 1, \\"y\\": 2"}')).toEqual(['list.1.y']);
    expect(duplicateKeyPaths('{"status": "passed", "status": "failed"}')).toEqual(['status']);
    expect(duplicateKeyPaths('[{"a": 1}, {"a": 1}]')).toEqual([]);
  });

  it('finds none in anything JSON.stringify writes (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => duplicateKeyPaths(JSON.stringify(value, null, 1)).length === 0));
  });

  it('stays linear on deep nesting', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const started = performance.now();
    expect(duplicateKeyPaths(deep)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
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
    expect(parseJsonInput('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
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
