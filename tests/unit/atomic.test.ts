import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/worldforge/atomic.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-atomic-'));
  dirs.push(dir);
  return dir;
};

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file behind', () => {
    const dir = scratch();
    const file = join(dir, 'nested', 'doc.json');
    writeFileAtomic(file, 'first\n');
    writeFileAtomic(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['doc.json']);
  });

  it('keeps the previous content and removes its temp file when the final rename fails', () => {
    const dir = scratch();
    const target = join(dir, 'doc.json');
    mkdirSync(target); // a directory where the file should go: rename cannot replace it
    writeFileSync(join(target, 'keep.txt'), 'untouched');
    expect(() => writeFileAtomic(target, 'new content')).toThrow();
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('untouched');
    expect(readdirSync(dir)).toEqual(['doc.json']);
    expect(existsSync(`${target}.${process.pid}.tmp`)).toBe(false);
  });
});
