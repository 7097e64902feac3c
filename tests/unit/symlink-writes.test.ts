/** Writers refuse, before their first write, any target reached through a symlink: evidence generate and run workspaces. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwritableTargets } from '../../scripts/evidence-preflight.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repoWithOutside() {
  const root = mkdtempSync(join(tmpdir(), 'wf-preflight-'));
  const outside = mkdtempSync(join(tmpdir(), 'wf-outside-'));
  dirs.push(root, outside);
  mkdirSync(join(root, 'evidence'));
  return { root, outside };
}

describe('unwritableTargets', () => {
  it('accepts plain targets', () => {
    const { root } = repoWithOutside();
    expect(unwritableTargets([join(root, 'evidence/conformance/mock.json')], root)).toEqual([]);
  });

  it('refuses a target whose folder is a symlink, naming the link, and writes nothing through it', () => {
    const { root, outside } = repoWithOutside();
    symlinkSync(outside, join(root, 'evidence/conformance'));
    const refused = unwritableTargets([join(root, 'evidence/conformance/mock.json'), join(root, 'evidence/index.json')], root);
    expect(refused).toEqual([{ path: 'evidence/conformance/mock.json', reason: 'it passes through the symlink evidence/conformance' }]);
  });

  it('refuses a target file that is itself a symlink', () => {
    const { root, outside } = repoWithOutside();
    writeFileSync(join(outside, 'victim.json'), '{}');
    symlinkSync(join(outside, 'victim.json'), join(root, 'evidence/index.json'));
    expect(unwritableTargets([join(root, 'evidence/index.json')], root)).toMatchObject([{ path: 'evidence/index.json' }]);
  });
});

describe('run workspaces', () => {
  it('refuse a runs folder that is a symlink instead of writing through it', async () => {
    const { startRun } = await import('../../src/worldforge/runs/workspace.ts');
    const { root, outside } = repoWithOutside();
    mkdirSync(join(root, '.worldforge'));
    symlinkSync(outside, join(root, '.worldforge/runs'));
    expect(() => startRun({ kind: 'eval', command: 'npx worldforge eval run --suite physics', root })).toThrow(
      /passes through the symlink \.worldforge\/runs/,
    );
  });
});
