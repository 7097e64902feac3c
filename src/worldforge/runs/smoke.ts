/**
 * How a live smoke run (scripts/smoke.ts) lands in its run workspace: the smoke keeps writing its
 * own `run_manifest.json` (the live-smoke shape `smoke record` reads), and the workspace manifest
 * next to it records the same outcome in the shape history, rerun and bundles read.
 */
import type { ProviderEvent } from '../events.ts';
import type { RunManifest } from '../manifests.ts';
import type { WorkspaceManifest } from './manifest.ts';
import type { RunWorkspace } from './workspace.ts';

/** Appends the smoke's events and finishes its workspace with the run manifest's outcome. */
export function recordSmokeRun(workspace: RunWorkspace, manifest: RunManifest, events: readonly ProviderEvent[]): WorkspaceManifest {
  for (const event of events) workspace.appendEvent({ ...event });
  const expected_signal = `${manifest.provider} ${manifest.capability} returns a schema-valid clip (status passed in run_manifest.json)`;
  if (manifest.status === 'skipped') {
    return workspace.finish('skipped', {
      message: manifest.message,
      expected_signal,
      skip_reason: manifest.skip_reason ?? manifest.message,
      // The skip reason names the variable to export; the command is the same once it is set.
      recovery_command: manifest.command,
    });
  }
  if (manifest.status === 'failed') {
    return workspace.finish('failed', {
      message: manifest.message,
      expected_signal,
      observed_failure: manifest.message,
      recovery_command: manifest.command,
    });
  }
  return workspace.finish('passed', { message: manifest.message, expected_signal });
}
