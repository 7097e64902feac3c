/**
 * Where a benchmark run leaves its files: `.worldforge/runs/<id>/` with `run.json` (what ran, its
 * status and summary), `events.jsonl` and every timing report under `reports/`. This is the ONE
 * place benchmark code writes a run workspace; it mirrors the run-workspace API
 * (`startRun({kind, command, provider?, capability?, operation?})`) so it can be swapped for the
 * shared implementation without touching callers. Every write is atomic.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';

export interface RunStart {
  kind: 'benchmark';
  /** The command as a user would retype it (no secrets, no host paths). */
  command: string;
  provider?: string;
  capability?: string;
  operation?: string;
  /** Folder holding run folders (default `.worldforge/runs`, relative to the working directory). */
  runsDir?: string;
  now?: () => Date;
}

export interface RunHandle {
  id: string;
  /** The run folder. */
  dir: string;
  /** Writes `reports/<name>.json` atomically; returns its path. */
  writeReport(name: string, data: unknown): string;
  appendEvent(event: Record<string, unknown>): void;
  finish(status: 'passed' | 'failed' | 'skipped', summary?: Record<string, unknown>): void;
}

const runId = (now: Date) =>
  `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-benchmark-${randomBytes(3).toString('hex')}`;

/** Opens a run workspace for a benchmark run. */
export function startRun(start: RunStart): RunHandle {
  const now = start.now ?? (() => new Date());
  const startedAt = now();
  const id = runId(startedAt);
  const dir = join(start.runsDir ?? '.worldforge/runs', id);
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const manifest = {
    schema: 'worldforge.run@1',
    id,
    kind: start.kind,
    command: start.command,
    provider: start.provider ?? null,
    capability: start.capability ?? null,
    operation: start.operation ?? null,
    started_at: startedAt.toISOString(),
    finished_at: null as string | null,
    status: 'running' as string,
    summary: null as Record<string, unknown> | null,
    reports: [] as string[],
  };
  const writeManifest = () => writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeManifest();
  return {
    id,
    dir,
    writeReport(name, data) {
      const path = join(dir, 'reports', `${name}.json`);
      writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
      manifest.reports = [...new Set([...manifest.reports, `reports/${name}.json`])];
      writeManifest();
      return path;
    },
    appendEvent(event) {
      appendFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(event)}\n`);
    },
    finish(status, summary) {
      manifest.status = status;
      manifest.finished_at = now().toISOString();
      manifest.summary = summary ?? null;
      writeManifest();
    },
  };
}
