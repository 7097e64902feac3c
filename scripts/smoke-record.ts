/**
 * `worldforge smoke record <run_manifest.json>`: turns a run manifest into a live-smoke registry
 * entry. The manifest is validated (unsafe values are rejected, not rewritten), its artifacts are
 * checked against their digests, then a canonical copy goes to `content/live-smoke/runs/<run-id>.json`
 * and the entry to `content/live-smoke/<provider>-<capability>.json`, both atomically.
 */
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import {
  LIVE_SMOKE_DIR,
  LIVE_SMOKE_RUNS_DIR,
  liveSmokeEntrySchema,
  liveSmokeFileName,
  type LiveSmokeEntry,
  type LiveSmokeStatus,
} from '../src/worldforge/live-smoke.ts';
import { artifactProblems, readRunManifest, RunManifestError, type RunManifest } from '../src/worldforge/manifests.ts';
import { CATALOG } from '../src/worldforge/providers/catalog.ts';
import { repoPath } from '../src/worldforge/evidence/suite/repo.ts';

function statusOf(manifest: RunManifest): LiveSmokeStatus {
  if (manifest.status !== 'skipped') return manifest.status;
  return `skipped_${manifest.skip_reason!}` as LiveSmokeStatus;
}

export interface RecordOutcome {
  entry_path: string;
  run_manifest_path: string | null;
  entry: LiveSmokeEntry;
}

/** Manifest ran against a local endpoint and `--allow-local` was not given. */
export class LocalRunError extends Error {}

export function recordSmoke(manifestFile: string, options: { allowLocal?: boolean } = {}): RecordOutcome {
  const manifest = readRunManifest(manifestFile);
  const problems = artifactProblems(manifestFile, manifest);
  if (problems.length) throw new RunManifestError(manifestFile, problems);
  const status = statusOf(manifest);
  const local = manifest.endpoint === 'local' && manifest.status !== 'skipped';
  if (local && !options.allowLocal) {
    throw new LocalRunError(
      `${manifestFile}: the run answered from a local endpoint (a replay server or self-hosted runtime), so it is not live evidence of the upstream. Re-run against the real endpoint, or pass --allow-local when the local endpoint IS the runtime you mean to record.`,
    );
  }
  const runtime = CATALOG[manifest.provider]?.runtime ?? null;
  let runPath: string | null = null;
  let runDigest: string | null = null;
  if (status === 'passed' || status === 'failed') {
    const text = canonicalJson(manifest);
    runPath = `${LIVE_SMOKE_RUNS_DIR}/${manifest.run_id}.json`;
    runDigest = sha256Tag(text);
    writeFileAtomic(repoPath(runPath), text);
  }
  const entry = liveSmokeEntrySchema().parse({
    provider: manifest.provider,
    capability: manifest.capability,
    command: manifest.command,
    runtime_manifest: manifest.runtime_manifest,
    date: manifest.created_at.slice(0, 10),
    version: manifest.worldforge_version,
    status,
    artifact_path: runPath,
    artifact_sha256: runDigest,
    skip_reason: manifest.status === 'skipped' ? manifest.message : null,
    known_limitations: [
      ...(local ? ['Recorded from a run against a local endpoint (loopback or private address), not the public upstream.'] : []),
      ...(runtime?.known_limitations ?? []),
    ],
  });
  const entryPath = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(entry.provider, entry.capability)}`;
  writeFileAtomic(repoPath(entryPath), canonicalJson(entry));
  return { entry_path: entryPath, run_manifest_path: runPath, entry };
}
