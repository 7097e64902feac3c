/**
 * `world recover`: the only command that changes local state after a failed preflight. It writes
 * the preflight report into a new quarantine folder FIRST (the diagnostics export), then moves —
 * never deletes — every subject the report marks for quarantine, and records each move in
 * `moves.json`. Healthy worlds and runs are not touched; local JSON stays authoritative.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { canonicalJson } from '../digest.ts';
import { newRunId } from '../runs/layout.ts';
import { type PreflightOptions, type PreflightReport, preflight } from './preflight.ts';
import { makeFolders } from '../make-folders.mjs';

export interface RecoveryMove {
  /** The subject as the report names it (`<state-dir>/x.json`, `<runs-dir>/<run-id>`). */
  from: string;
  /** Path inside the quarantine folder. */
  to: string;
  check: string;
}

export interface RecoveryResult {
  /** The new quarantine folder (`<quarantine-root>/<stamp>`). */
  dir: string;
  report: PreflightReport;
  moves: RecoveryMove[];
}

/** The file on disk a report subject names; null for folder-level subjects (state dir, runs dir). */
function pathOf(subject: string, options: PreflightOptions): string | null {
  const [root, ...rest] = subject.split('/');
  // A run-level finding about a file inside a run quarantines the whole run folder.
  if (root === '<runs-dir>' && rest.length) return join(options.runsDir, rest[0]!);
  if (root === '<state-dir>' && rest.length === 1) return join(options.stateDir, rest[0]!);
  return null;
}

export function recover(options: PreflightOptions & { quarantineRoot: string }): RecoveryResult {
  const report = preflight(options);
  const dir = join(options.quarantineRoot, newRunId(options.now));
  makeFolders(dir);
  writeFileAtomic(join(dir, 'preflight.json'), canonicalJson(report));
  const moves: RecoveryMove[] = [];
  const moved = new Set<string>();
  for (const f of report.findings.filter((x) => x.quarantine)) {
    const source = pathOf(f.subject, options);
    if (!source || moved.has(source) || !existsSync(source)) continue;
    const area = f.subject.startsWith('<runs-dir>') ? 'runs' : 'worlds';
    const name = source.split(/[/\\]/).at(-1)!;
    makeFolders(join(dir, area));
    renameSync(source, join(dir, area, name));
    moved.add(source);
    moves.push({ from: f.subject.split('/').slice(0, 2).join('/'), to: `${area}/${name}`, check: f.check });
  }
  writeFileAtomic(join(dir, 'moves.json'), canonicalJson({ moves }));
  return { dir, report, moves };
}
