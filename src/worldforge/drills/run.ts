/**
 * Runs one drill in its own workspace: a run workspace (kind `drill`) under
 * `<workspace>/.worldforge/runs/`, the drill's own files beside it, and an issue bundle of the
 * finished run in `<workspace>/bundle/`. Nothing is written outside the workspace, so a drill can
 * run in a checkout without leaving state behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeIssueBundle } from '../bundles/issue.ts';
import { readHistory } from '../runs/history.ts';
import { RUNS_DIR } from '../runs/layout.ts';
import { startRun } from '../runs/workspace.ts';
import { DRILL_NOT_REPRODUCED_EXIT, type Drill, type DrillObservation } from './catalog.ts';
import { makeFolders } from '../make-folders.mjs';

export interface DrillOutcome {
  drill: Drill;
  observation: DrillObservation;
  /** The expected signal was observed. */
  reproduced: boolean;
  /** `drill.exit_code` when reproduced, else `DRILL_NOT_REPRODUCED_EXIT`. */
  exit_code: number;
  workspace: string;
  run_id: string;
  /** Folder of the issue bundle of the drill's run. */
  bundle: string;
}

/** A fresh workspace: `dir` (created) or a new temporary folder. */
export function drillWorkspace(dir?: string): string {
  if (dir) {
    makeFolders(dir);
    return resolve(dir);
  }
  return mkdtempSync(join(tmpdir(), 'worldforge-drill-'));
}

export async function runDrill(drill: Drill, workspace: string): Promise<DrillOutcome> {
  const runsDir = join(workspace, ...RUNS_DIR.split('/'));
  const run = startRun({ kind: 'drill', command: `npx worldforge drills run ${drill.id}`, operation: drill.id, runsDir, env: [] });
  let observation: DrillObservation;
  try {
    observation = await drill.run({ workspace, run });
  } catch (error) {
    run.finish('failed', { message: `the drill itself crashed: ${(error as Error).message}` });
    throw error;
  }
  const reproduced = observation.signal === drill.expected_signal;
  run.finish('failed', {
    message: reproduced
      ? `Drill ${drill.id}: the expected failure was observed.`
      : `Drill ${drill.id}: expected ${drill.expected_signal}, observed ${observation.signal}.`,
    expected_signal: drill.expected_signal,
    observed_failure: observation.detail,
    recovery_command: drill.recovery_command,
    metrics: { reproduced },
  });
  const loaded = readHistory(runsDir).runs.find((r) => r.manifest.run_id === run.id)!;
  const bundle = join(workspace, 'bundle');
  writeIssueBundle(loaded, bundle);
  return {
    drill,
    observation,
    reproduced,
    exit_code: reproduced ? drill.exit_code : DRILL_NOT_REPRODUCED_EXIT,
    workspace,
    run_id: run.id,
    bundle,
  };
}
