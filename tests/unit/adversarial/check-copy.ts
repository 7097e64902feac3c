/**
 * The check over a scratch copy of the repository's data (content/, fixtures/, evidence/), for
 * adversarial tests that break one input and count what the check reports. It is the check's own
 * loader (scripts/check.ts `loadContext`) pointed at the copy, with one difference: the suites are
 * not re-run — the fresh evidence is the committed one (the real check asserts they are equal), or
 * none when an input corpus is invalid, exactly as `npm run check` does then.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_FOLDERS, loadContext } from '../../../scripts/check.ts';
import type { Finding } from '../../../src/worldforge/checks/finding.ts';
import { runRules } from '../../../src/worldforge/checks/runner.ts';
import { REPO_ROOT } from '../../../src/worldforge/evidence/suite/repo.ts';

/** A scratch copy of the data folders; `dispose` removes it. */
export function scratchCopy(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wf-adversarial-'));
  for (const folder of DATA_FOLDERS) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every finding of the rule registry over the data under `root` (code, README and docs from the repository). */
export async function checkCopy(root: string): Promise<Finding[]> {
  return runRules(await loadContext({ dataRoot: root, suites: 'committed', scanDist: false }));
}
