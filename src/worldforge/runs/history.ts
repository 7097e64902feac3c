/**
 * Run history: every workspace under the runs folder, newest first, filtered the way
 * `runs list` offers; and the command that reruns one, rebuilt from its sanitized manifest.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_ID_PATTERN, WORKSPACE_MANIFEST_FILE } from './layout.ts';
import { type FileRole, readWorkspaceManifest, type RunStatus, WorkspaceManifestError, type WorkspaceManifest } from './manifest.ts';

export interface LoadedRun {
  manifest: WorkspaceManifest;
  /** Absolute path of the run folder. */
  dir: string;
}

export interface RunHistory {
  /** Valid workspaces, newest first (run ids sort by start time). */
  runs: LoadedRun[];
  /** Folders whose manifest is missing or invalid, one line each. */
  problems: string[];
}

export function readHistory(runsDir: string): RunHistory {
  if (!existsSync(runsDir)) return { runs: [], problems: [] };
  const runs: LoadedRun[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(runsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !RUN_ID_PATTERN.test(entry.name)) continue;
    const dir = join(runsDir, entry.name);
    const file = join(dir, WORKSPACE_MANIFEST_FILE);
    // A folder with only a live-smoke run_manifest.json predates workspaces: not history.
    if (!existsSync(file)) continue;
    try {
      runs.push({ manifest: readWorkspaceManifest(file), dir });
    } catch (error) {
      if (!(error instanceof WorkspaceManifestError)) throw error;
      problems.push(`${entry.name}: ${error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
  }
  runs.sort((a, b) => b.manifest.run_id.localeCompare(a.manifest.run_id));
  return { runs, problems };
}

export interface RunFilter {
  provider?: string;
  capability?: string;
  status?: RunStatus;
  /** `YYYY-MM-DD` or an ISO time: runs created at or after it. */
  since?: string;
  /** Runs that wrote at least one file of this role (`input`, `result`, `report`, `artifact`). */
  artifactType?: FileRole;
}

export function filterRuns(runs: readonly LoadedRun[], filter: RunFilter): LoadedRun[] {
  const since = filter.since === undefined ? null : Date.parse(filter.since.length === 10 ? `${filter.since}T00:00:00Z` : filter.since);
  return runs.filter(({ manifest: m }) => {
    if (filter.provider && m.provider !== filter.provider) return false;
    if (filter.capability && m.capability !== filter.capability) return false;
    if (filter.status && m.status !== filter.status) return false;
    if (since !== null && Date.parse(m.created_at) < since) return false;
    if (filter.artifactType && !m.files.some((f) => f.role === filter.artifactType)) return false;
    return true;
  });
}

/** The run with this id (or a unique id prefix), or null. */
export function findRun(runs: readonly LoadedRun[], id: string): LoadedRun | null {
  const exact = runs.find((r) => r.manifest.run_id === id);
  if (exact) return exact;
  const matches = runs.filter((r) => r.manifest.run_id.startsWith(id));
  return matches.length === 1 ? matches[0]! : null;
}

/** Splits a recorded command into words (double or single quotes group words; no other shell syntax). */
export function commandWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

export interface Rerun {
  /** The command as recorded (already redacted when written). */
  command: string;
  /** Arguments after `npx worldforge`, or null when the command is not a worldforge command. */
  args: string[] | null;
  /** Env vars the run read: named, never valued; the rerun takes them from your environment. */
  env: { name: string; present_at_run: boolean }[];
}

const PREFIXES = [['npx', 'worldforge'], ['worldforge']];

/** The command that reruns a run, rebuilt from its manifest only. */
export function rerunOf(manifest: WorkspaceManifest): Rerun {
  const words = commandWords(manifest.command);
  const prefix = PREFIXES.find((p) => p.every((w, i) => words[i] === w));
  return {
    command: manifest.command,
    args: prefix ? words.slice(prefix.length) : null,
    env: manifest.env_summary.map((e) => ({ name: e.name, present_at_run: e.present })),
  };
}
