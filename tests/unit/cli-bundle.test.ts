// The bundled CLI is never stale: a changed source is rebuilt before it runs (also when the edit
// keeps the size and the mtime), an mtime-only change (copy, checkout) keeps the bundle, a bundle
// that is not the one the sidecar's build wrote is rebuilt, and the bundle keeps each module's own
// location.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
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
    // Sealed: the HMAC on the first line, then the JSON.
    const sealed = readFileSync(join(repo.root, BUNDLE_DIR, 'inputs.json'), 'utf8');
    expect(sealed.split('\n')[0]).toMatch(/^[0-9a-f]{64}$/);
    const sidecar = JSON.parse(sealed.slice(sealed.indexOf('\n') + 1));
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

  it('is stale when another esbuild is installed than the one that built it', async () => {
    const sidecarPath = join(repo.root, BUNDLE_DIR, 'inputs.json');
    const text = readFileSync(sidecarPath, 'utf8');
    // Resealed with this user's key (seal.mjs), so only the esbuild version differs.
    const { sealKey, sealText, unsealText } = await import('../../src/worldforge/seal.mjs');
    const key = sealKey()!;
    const payload = unsealText(key, text)!;
    writeFileSync(sidecarPath, sealText(key, payload.replace(/"esbuild": "[^"]+"/, '"esbuild": "0.0.1"')));
    expect(bundleIsFresh(repo.root)).toBe(false);
    writeFileSync(sidecarPath, text);
    expect(bundleIsFresh(repo.root)).toBe(true);
  });

  it('never runs a crafted bundle whose sidecar vouches for it without this user’s seal (a branch commits .cache/cli/)', () => {
    const dir = join(repo.root, BUNDLE_DIR);
    const sidecarPath = join(dir, 'inputs.json');
    const sealed = readFileSync(sidecarPath, 'utf8');
    const original = readFileSync(join(dir, 'wf.mjs'));
    const crafted = 'export async function main() { process.stdout.write("CRAFTED BUNDLE RAN\\n"); return 0; }\n';
    writeFileSync(join(dir, 'wf.mjs'), crafted);
    // A sidecar listing the real sources and the crafted bundle's digest, as a branch would commit it.
    const payload = sealed.slice(sealed.indexOf('\n') + 1);
    const vouching = payload.replace(/"wf\.mjs": "[0-9a-f]+"/, `"wf.mjs": "${createHash('sha256').update(crafted).digest('hex')}"`);
    for (const forged of [vouching, `${'0'.repeat(64)}\n${vouching}`]) {
      writeFileSync(join(dir, 'wf.mjs'), crafted);
      writeFileSync(sidecarPath, forged);
      expect(bundleIsFresh(repo.root)).toBe(false);
      const run = repo.cli('--version');
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('CRAFTED');
      expect(readFileSync(join(dir, 'wf.mjs')).equals(original)).toBe(true);
      expect(bundleIsFresh(repo.root)).toBe(true);
    }
  });

  it('neither reads nor writes the bundle through a symlinked .cache/cli: the CLI runs through tsx', () => {
    const dir = join(repo.root, BUNDLE_DIR);
    const elsewhere = mkdtempSync(join(tmpdir(), 'wf-linked-cli-'));
    try {
      renameSync(dir, join(elsewhere, 'cli'));
      symlinkSync(join(elsewhere, 'cli'), dir, 'dir');
      expect(bundleIsFresh(repo.root)).toBe(false);
      const before = readdirSync(join(elsewhere, 'cli')).map((name) => [name, statSync(join(elsewhere, 'cli', name)).mtimeMs]);
      const run = repo.cli('--version');
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(run.stderr).toContain('.cache/cli is a symbolic link; the CLI is not bundled through it; running through tsx.');
      // Nothing was rebuilt into the link's target.
      expect(readdirSync(join(elsewhere, 'cli')).map((name) => [name, statSync(join(elsewhere, 'cli', name)).mtimeMs])).toEqual(before);
    } finally {
      rmSync(dir, { force: true });
      if (existsSync(join(elsewhere, 'cli'))) renameSync(join(elsewhere, 'cli'), dir);
      else mkdirSync(dir, { recursive: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
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
