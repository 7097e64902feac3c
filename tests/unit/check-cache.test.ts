import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkKeys, readSuiteCache, suiteCacheAllowed, writeSuiteCache } from '../../src/worldforge/check-cache.ts';
import { attachTextMemo, memoText, saveTextMemo } from '../../src/worldforge/text-memo.ts';
import { runCli } from '../helpers/cli.ts';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

const temporary: string[] = [];
// The sealing key (sealed-file.ts) lives in a scratch cache home, never the tester's own.
let cacheHome = '';
beforeAll(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'wf-cache-home-'));
  vi.stubEnv('XDG_CACHE_HOME', cacheHome);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cacheHome, { recursive: true, force: true });
});
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small checkout: code, data, docs and git-ignored outputs. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'wf-cache-'));
  temporary.push(root);
  const files: Record<string, string> = {
    'package-lock.json': '{}',
    'src/worldforge/a.ts': 'export const a = 1;',
    'src/content/docs/page.md': '# Page',
    'fixtures/f.json': '{}',
    'evidence/e.json': '{}',
    'dist/index.html': '<p>built</p>',
    '.cache/cli/wf.mjs': '// bundle',
    'node_modules/x/index.js': '',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('check cache keys', () => {
  const env = { HOME: '/h' };

  it('change with any input file, and the code key only with code', () => {
    const root = tree();
    const before = checkKeys(root, env);
    writeFileSync(join(root, 'src/content/docs/page.md'), '# Page, edited');
    const docs = checkKeys(root, env);
    expect(docs.suites).not.toBe(before.suites);
    expect(docs.code).toBe(before.code);
    writeFileSync(join(root, 'fixtures/f.json'), '{"x":1}');
    expect(checkKeys(root, env).suites).not.toBe(docs.suites);
    writeFileSync(join(root, 'src/worldforge/a.ts'), 'export const a = 2;');
    const code = checkKeys(root, env);
    expect(code.code).not.toBe(docs.code);
    writeFileSync(join(root, 'src/worldforge/b.ts'), '');
    expect(checkKeys(root, env).code).not.toBe(code.code);
  });

  it('ignore git-ignored outputs, and change with the environment (names and values)', () => {
    const root = tree();
    const before = checkKeys(root, env);
    writeFileSync(join(root, 'dist/index.html'), '<p>rebuilt</p>');
    writeFileSync(join(root, '.cache/cli/wf.mjs'), '// rebuilt');
    writeFileSync(join(root, 'node_modules/x/index.js'), 'changed');
    expect(checkKeys(root, env)).toEqual(before);
    expect(checkKeys(root, { ...env, RUNWAYML_API_SECRET: 'k' }).suites).not.toBe(before.suites);
    expect(checkKeys(root, { HOME: '/other' }).suites).not.toBe(before.suites);
    expect(checkKeys(root, { HOME: '/other' }).code).toBe(before.code);
  });

  it('store and read back one run per key; another key or a broken file reads as no cache', () => {
    const root = tree();
    const run = { fresh: [['a/b.json', '{}\n']] as [string, string][], inputProblems: [] };
    writeSuiteCache(root, 'k1', run);
    expect(readSuiteCache(root, 'k1')).toEqual(run);
    expect(readSuiteCache(root, 'k2')).toBeNull();
    writeFileSync(join(root, '.cache/check/suites.json'), '{not json');
    expect(readSuiteCache(root, 'k1')).toBeNull();
  });

  it('never reads back a file it did not seal: a forged or edited cache is no cache', () => {
    const root = tree();
    const run = { fresh: [['a/b.json', '{}\n']] as [string, string][], inputProblems: [] };
    writeSuiteCache(root, 'k1', run);
    const file = join(root, '.cache/check/suites.json');
    const sealed = readFileSync(file, 'utf8');
    // A cache committed into a branch: the right key and shape, with a seal made up by its author.
    const forged = JSON.stringify({ format: 1, key: 'k1', fresh: [['a/b.json', '{"forged":true}\n']], inputProblems: [] });
    writeFileSync(file, `${'0'.repeat(64)}\n${forged}`);
    expect(readSuiteCache(root, 'k1')).toBeNull();
    writeFileSync(file, forged);
    expect(readSuiteCache(root, 'k1')).toBeNull();
    // The genuine file with its payload edited after sealing.
    writeFileSync(file, sealed.replace('{}\\n', '{"edited":1}\\n'));
    expect(readSuiteCache(root, 'k1')).toBeNull();
    writeFileSync(file, sealed);
    expect(readSuiteCache(root, 'k1')).toEqual(run);
  });

  it('never writes either cache through a symlink (a branch committing `.cache -> elsewhere`)', () => {
    const root = tree();
    const elsewhere = mkdtempSync(join(tmpdir(), 'wf-cache-elsewhere-'));
    temporary.push(elsewhere);
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    symlinkSync(elsewhere, join(root, '.cache'), 'dir');
    writeSuiteCache(root, 'k1', { fresh: null, inputProblems: [] });
    attachTextMemo(root, 'code');
    memoText('check-cache-test', 'a text', (text) => text.length);
    saveTextMemo();
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readSuiteCache(root, 'k1')).toBeNull();
  });

  it('is never allowed in release mode, in CI, when switched off, or unless asked', () => {
    expect(suiteCacheAllowed({ cache: true }, {})).toBe(true);
    expect(suiteCacheAllowed({ cache: true, release: true }, {})).toBe(false);
    expect(suiteCacheAllowed({ cache: true }, { CI: 'true' })).toBe(false);
    expect(suiteCacheAllowed({ cache: true }, { WORLDFORGE_NO_CACHE: '1' })).toBe(false);
    expect(suiteCacheAllowed({}, {})).toBe(false);
  });
});

describe('worldforge check with the suite cache', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.remove());

  it('reuses the suites only while no input changed, and never hides drift', async () => {
    repo = copyRepo();
    const run = (...args: string[]) => runCli(['check', '--no-dist', ...args], { cwd: repo!.root, env: { CI: '' } });
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/suites reused/);
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/suites reused from \.cache\/check\/suites\.json/);
    expect(second.stdout).toBe(first.stdout.replace(/\(\d+\.\d\d s\)/, second.stdout.match(/\(\d+\.\d\d s\)/)![0]));

    // A changed fixture is a changed input: the suites rerun and the drift is reported.
    const path = 'fixtures/capabilities/embed/valid-short-text.json';
    const fixture = JSON.parse(repo.read(path)) as { description: string };
    repo.write(path, `${JSON.stringify({ ...fixture, description: `${fixture.description} (edited)` }, null, 2)}\n`);
    const edited = await run();
    expect(edited.stderr).not.toMatch(/suites reused/);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/evidence-stale/);

    // --no-cache and CI always rerun.
    expect((await run('--no-cache')).stderr).not.toMatch(/suites reused/);
    expect((await runCli(['check', '--no-dist'], { cwd: repo.root, env: { CI: 'true' } })).stderr).not.toMatch(/suites reused/);
  });
});
