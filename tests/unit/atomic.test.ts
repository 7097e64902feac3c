import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/worldforge/atomic.ts';
import { makeFolders } from '../../src/worldforge/make-folders.mjs';
import { REPO } from '../helpers/repo-copy.ts';

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

describe('makeFolders (every writer’s mkdir -p)', () => {
  it('makes the missing levels, and accepts a folder that exists', () => {
    const dir = scratch();
    makeFolders(join(dir, 'a', 'b', 'c'));
    makeFolders(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
  });

  it('throws the filesystem’s error when a file is in the way', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'f'), '');
    expect(() => makeFolders(join(dir, 'f'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(join(dir, 'f', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.skipIf(!existsSync('/proc/self'))('returns with ENOENT under /proc, where a recursive mkdirSync never returns', () => {
    // In a child with a deadline, so a regression fails this test instead of hanging the suite.
    const script = `import('${pathToFileURL(join(REPO, 'src/worldforge/make-folders.mjs')).href}').then(({ makeFolders }) => { try { makeFolders('/proc/wf-no-such/x'); } catch (e) { console.log(e.code); } })`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.error, 'makeFolders did not return').toBeUndefined();
    expect(run.stdout.trim()).toBe('ENOENT');
  });
});
