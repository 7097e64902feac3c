import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextTree, refusedEntries } from '../../evidence/read.ts';
import { brief, runRule } from '../testing.ts';
import rule from './symlink-refused.ts';

const root = mkdtempSync(join(tmpdir(), 'wf-symlink-'));
const outside = mkdtempSync(join(tmpdir(), 'wf-outside-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('symlink-refused', () => {
  it('reports each symlink under the data folders once, and the walkers never read through it', () => {
    writeFileSync(join(outside, 'secret.json'), '{"token": "outside the repository"}\n');
    mkdirSync(join(root, 'evidence', 'conformance'), { recursive: true });
    mkdirSync(join(root, 'content', 'live-smoke'), { recursive: true });
    writeFileSync(join(root, 'evidence', 'conformance', 'mock.json'), '{}\n');
    symlinkSync(join(outside, 'secret.json'), join(root, 'evidence', 'conformance', 'leak.json'));
    symlinkSync(outside, join(root, 'content', 'live-smoke', 'runs'));
    const refused = refusedEntries(root);
    expect(brief(runRule(rule, { refused }))).toEqual([
      'error symlink-refused content/live-smoke/runs:- [content/live-smoke/runs]',
      'error symlink-refused evidence/conformance/leak.json:- [evidence/conformance/leak.json]',
    ]);
    expect([...readTextTree(join(root, 'evidence'), /\.json$/).keys()]).toEqual(['conformance/mock.json']);
    expect([...readTextTree(join(root, 'content'), /\.json$/).keys()]).toEqual([]);
  });

  it('refuses a data folder that is itself a link, and accepts plain folders', () => {
    const linked = mkdtempSync(join(tmpdir(), 'wf-linked-'));
    symlinkSync(outside, join(linked, 'fixtures'));
    expect(refusedEntries(linked)).toEqual([{ path: 'fixtures', reason: 'the folder is a symlink; links are never followed' }]);
    expect(readTextTree(join(linked, 'fixtures'), /\.json$/).size).toBe(0);
    rmSync(linked, { recursive: true, force: true });
    expect(runRule(rule, { refused: [] })).toEqual([]);
  });
});
