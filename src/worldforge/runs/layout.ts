/**
 * Where a run workspace lives and how its folder is laid out. Every command that runs something
 * (smoke, benchmark, evaluation, drills) writes ONE workspace, `.worldforge/runs/<run-id>/`, so
 * history, rerun and bundles read every kind of run the same way.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Runs folder, relative to the project root. `.worldforge/` is git-ignored: runs are local. */
export const RUNS_DIR = '.worldforge/runs';

/** The workspace manifest (the live-smoke `run_manifest.json` may sit next to it). */
export const WORKSPACE_MANIFEST_FILE = 'manifest.json';

/** The provider and workspace events, one JSON object per line. */
export const EVENTS_FILE = 'events.jsonl';

/** Sub-folders of a workspace, by role. */
export const LAYOUT = { inputs: 'inputs', results: 'results', reports: 'reports', artifacts: 'artifacts' } as const;
export type LayoutRole = keyof typeof LAYOUT;

/** `YYYYMMDDTHHMMSSZ-<8 hex>`: sorts by start time, unique through its random suffix. */
export const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/;

/** A new run id for a run starting at `now`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

/** UTC time to the second, as manifests record it. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The runs folder of a project root (or the given folder). */
export const runsDirOf = (root: string = process.cwd()) => join(root, ...RUNS_DIR.split('/'));

/**
 * A file name inside one workspace folder: letters, digits, `.`, `_`, `-`, starting with a letter
 * or digit. No separators and no `..`, so a name can never escape its folder.
 */
export const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
