/**
 * What bundles share: every file of a run folder put through the gate, the run as a bundle
 * describes it, and writing a bundle folder (validated in memory first, then written atomically,
 * replacing only a previous bundle — never an unrelated folder).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { sha256Tag } from '../digest.ts';
import type { LoadedRun } from '../runs/history.ts';
import { EVENTS_FILE, WORKSPACE_MANIFEST_FILE } from '../runs/layout.ts';
import { gateFile } from './gate.ts';
import type { BundleFile, BundleRun } from './schema.ts';

export class BundleError extends Error {}

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.endsWith('.tmp'))
    .sort();
}

const kindOfRunFile = (path: string): string => {
  if (path === WORKSPACE_MANIFEST_FILE) return 'manifest';
  if (path === EVENTS_FILE) return 'events';
  if (path === 'run_manifest.json') return 'smoke-manifest';
  const folder = path.split('/')[0];
  return { inputs: 'input', results: 'result', reports: 'report', artifacts: 'artifact' }[folder ?? ''] ?? 'other';
};

/** The gated files of one run, to be copied under `<prefix>/` in the bundle. */
export function gatedRunFiles(run: LoadedRun, prefix: string): { entries: BundleFile[]; copies: Map<string, Buffer> } {
  const entries: BundleFile[] = [];
  const copies = new Map<string, Buffer>();
  for (const path of filesUnder(run.dir)) {
    const bytes = readFileSync(join(run.dir, path));
    const kind = kindOfRunFile(path);
    const verdict = gateFile(path, bytes, { artifact: kind === 'artifact' });
    const target = `${prefix}/${path}`;
    entries.push({
      path: target,
      source: `runs/${run.manifest.run_id}/${path}`,
      kind,
      ...verdict,
      sha256: sha256Tag(bytes),
      size_bytes: bytes.byteLength,
    });
    if (verdict.included) copies.set(target, bytes);
  }
  return { entries, copies };
}

/** A run as bundles describe it: from its sanitized manifest only. */
export function bundleRun(run: LoadedRun): BundleRun {
  const m = run.manifest;
  if (m.status === 'running') {
    throw new BundleError(
      `run ${m.run_id} is still running (or was killed without Ctrl-C); bundle it once it has finished, or rerun it: npx worldforge runs rerun ${m.run_id}`,
    );
  }
  return {
    run_id: m.run_id,
    kind: m.kind,
    status: m.status,
    command: m.command,
    provider: m.provider,
    capability: m.capability,
    operation: m.operation,
    expected_signal: m.summary?.expected_signal ?? null,
    observed_failure: m.summary?.observed_failure ?? null,
    skip_reason: m.summary?.skip_reason ?? null,
    validation_errors: m.summary?.validation_errors ?? [],
    env: m.env_summary,
  };
}

/** Counts and the bundle-level safe flag over the file list. */
export const fileCounts = (files: readonly BundleFile[]) => ({
  included_count: files.filter((f) => f.included).length,
  excluded_count: files.filter((f) => !f.included).length,
  safe_to_attach: files.every((f) => f.safe_to_attach),
});

/**
 * Writes a bundle folder: refuses a non-empty folder that is not a previous bundle, removes a
 * previous bundle, then writes every file atomically. Content is final before the first write.
 */
export function writeBundleFolder(out: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  if (existsSync(out)) {
    const present = readdirSync(out);
    if (present.length > 0 && !present.includes('bundle.json')) {
      throw new BundleError(`${out} exists and is not a WorldForge bundle; choose another --out folder`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  for (const [path, content] of files) writeFileAtomic(join(out, ...path.split('/')), content);
}
