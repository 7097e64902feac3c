/**
 * This user's cache folder (src/worldforge/user-cache.mjs: the sealing key, Node's compile cache)
 * is made one level at a time. Node's recursive mkdir never returns when a level answers ENOENT
 * under a parent that exists, as under HOME=/proc, where every CLI run used to hang at start-up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { userCacheFolder } from '../../src/worldforge/user-cache.mjs';
import { copyRepo } from '../helpers/repo-copy.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wf-user-cache-'));
const saved = process.env.XDG_CACHE_HOME;
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('userCacheFolder', () => {
  it('makes <cache>/worldforge/<sub> under an existing parent, private to the user', () => {
    process.env.XDG_CACHE_HOME = join(scratch, 'cache');
    const folder = userCacheFolder('node-compile');
    expect(folder).toBe(join(scratch, 'cache', 'worldforge', 'node-compile'));
    expect(statSync(folder!).isDirectory()).toBe(true);
    expect(statSync(join(scratch, 'cache', 'worldforge')).mode & 0o777).toBe(0o700);
    expect(userCacheFolder('node-compile')).toBe(folder);
  });

  it('is null, without creating anything, when the cache folder’s parent is missing or a level is a file', () => {
    process.env.XDG_CACHE_HOME = join(scratch, 'missing', 'cache');
    expect(userCacheFolder()).toBeNull();
    expect(existsSync(join(scratch, 'missing'))).toBe(false);
    writeFileSync(join(scratch, 'file'), '');
    process.env.XDG_CACHE_HOME = join(scratch, 'file');
    expect(userCacheFolder('node-compile')).toBeNull();
  });

  it.skipIf(!existsSync('/proc/self'))('leaves the CLI usable with HOME=/proc (it hung there)', () => {
    // In a copy: without a sealing key the CLI rebuilds its bundle, which other tests are loading.
    const repo = copyRepo();
    const run = spawnSync(process.execPath, [join(repo.root, 'bin', 'worldforge.mjs'), '--version'], {
      cwd: repo.root,
      encoding: 'utf8',
      env: { ...process.env, HOME: '/proc', XDG_CACHE_HOME: '' },
      timeout: 90_000,
    });
    repo.remove();
    expect(run.error, 'the CLI did not exit').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
