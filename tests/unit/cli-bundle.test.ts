// The bundled CLI is never stale: a changed source is rebuilt before it runs (also when the edit
// keeps the size and the mtime), an mtime-only change (copy, checkout) keeps the bundle, a bundle
// that is not the one the sidecar's build wrote is rebuilt, and the bundle keeps each module's own
// location.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, buildBundle, bundleIsFresh } from '../../bin/cli-bundle.mjs';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

describe('bundled CLI', () => {
  let repo: RepoCopy;
  beforeAll(async () => {
    repo = copyRepo();
    await buildBundle(repo.root);
  });
  afterAll(() => repo.remove());

  const bundle = () => join(repo.root, BUNDLE_DIR, 'wf.mjs');

  it('records every source it was built from and is fresh right after a build', () => {
    const sidecar = JSON.parse(readFileSync(join(repo.root, BUNDLE_DIR, 'inputs.json'), 'utf8'));
    const paths = sidecar.inputs.map((input: { path: string }) => input.path);
    expect(paths).toContain('scripts/wf.ts');
    expect(paths).toContain('src/worldforge/checks/rules/index.ts');
    // The text-scan worker is built from the same sources, so its scanners are covered too.
    expect(paths).toContain('src/worldforge/text-scan/worker.ts');
    expect(paths).toContain('src/worldforge/redaction/scanner.ts');
    // esbuild reads these too (module type, tsconfig options), so an edit to them rebuilds.
    expect(paths).toContain('package.json');
    expect(paths).toContain('tsconfig.json');
    expect(paths.some((p: string) => p.startsWith('node_modules/') || p.startsWith('/'))).toBe(false);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('spells each module URL relative to the bundle, never as a host path', () => {
    const text = readFileSync(bundle(), 'utf8');
    expect(text).toContain('new URL("../../src/worldforge/evidence/suite/repo.ts", import.meta.url)');
    expect(text).not.toContain(repo.root);
  });

  it('is stale when the worker beside it is missing', () => {
    const worker = join(repo.root, BUNDLE_DIR, 'text-scan-worker.mjs');
    const text = readFileSync(worker);
    rmSync(worker);
    expect(bundleIsFresh(repo.root)).toBe(false);
    writeFileSync(worker, text);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('stays fresh when only an mtime changed (same bytes)', () => {
    const source = join(repo.root, 'scripts/wf.ts');
    utimesSync(source, new Date(), new Date(Date.now() + 5_000));
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('is stale when a source changes but keeps its size and mtime (rsync -t, touch -r, one mtime tick)', () => {
    const source = join(repo.root, 'src/worldforge/redaction/scanner.ts');
    const before = readFileSync(source, 'utf8');
    const { atime, mtime } = statSync(source);
    // Same length: one letter of a comment changes case.
    const edited = before.replace(/[a-z]/, (letter) => letter.toUpperCase());
    expect(edited.length).toBe(before.length);
    writeFileSync(source, edited);
    utimesSync(source, atime, mtime);
    expect(bundleIsFresh(repo.root)).toBe(false);
    writeFileSync(source, before);
    utimesSync(source, atime, mtime);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('is stale when the bundle beside the sidecar is not the one its build wrote (two builds racing)', () => {
    for (const name of ['wf.mjs', 'text-scan-worker.mjs']) {
      const file = join(repo.root, BUNDLE_DIR, name);
      const text = readFileSync(file);
      writeFileSync(file, Buffer.concat([text, Buffer.from('\n// from another build\n')]));
      expect(bundleIsFresh(repo.root)).toBe(false);
      writeFileSync(file, text);
      expect(bundleIsFresh(repo.root)).toBe(true);
    }
  });

  it('is stale when another esbuild is installed than the one that built it', () => {
    const sidecarPath = join(repo.root, BUNDLE_DIR, 'inputs.json');
    const text = readFileSync(sidecarPath, 'utf8');
    writeFileSync(sidecarPath, text.replace(/"esbuild": "[^"]+"/, '"esbuild": "0.0.1"'));
    expect(bundleIsFresh(repo.root)).toBe(false);
    writeFileSync(sidecarPath, text);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('never serves a changed source from the stale bundle: the bin rebuilds first', () => {
    const before = statSync(bundle()).mtimeMs;
    const wf = repo.read('scripts/wf.ts');
    const marker = 'Edited after the bundle was built.';
    repo.write('scripts/wf.ts', wf.replace('World-model provider contracts with documentation', marker));
    expect(bundleIsFresh(repo.root)).toBe(false);
    const run = repo.cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(marker);
    expect(statSync(bundle()).mtimeMs).toBeGreaterThan(before);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });
});
