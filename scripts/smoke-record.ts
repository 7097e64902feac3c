/**
 * `worldforge smoke record <run_manifest.json>`: turns a run manifest into a live-smoke registry
 * entry. Everything is validated before anything is written: the manifest (bounded size, strict
 * JSON, schema, redaction rules: unsafe values are rejected, not rewritten), its artifacts against
 * their digests, its date against the clock, the entry it makes against the entry schema, and both
 * target paths (inside content/live-smoke/, no symlinks). Only then does a canonical copy of the
 * manifest go to `content/live-smoke/runs/<run-id>.json` and the entry to
 * `content/live-smoke/<provider>-<capability>.json`, each atomically.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import { isLocalClass } from '../src/worldforge/endpoint-class.ts';
import type { Issue } from '../src/worldforge/errors.ts';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import {
  LIVE_SMOKE_DIR,
  LIVE_SMOKE_RUNS_DIR,
  liveSmokeEntrySchema,
  liveSmokeFileName,
  liveSmokePathProblem,
  type LiveSmokeEntry,
  type LiveSmokeStatus,
} from '../src/worldforge/live-smoke.ts';
import { artifactProblems, readRunManifest, RunManifestError, type RunManifest } from '../src/worldforge/manifests.ts';
import { CATALOG } from '../src/worldforge/providers/catalog.ts';
import { formatIssues, zodIssues } from '../src/worldforge/validation.ts';

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

/**
 * The manifest is valid but cannot be recorded: the entry it makes fails the entry schema, it is
 * dated in the future, or a target path is unsafe. Names the file, each field and reason, and a hint.
 */
export class RecordRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Issue[],
    hint: string,
  ) {
    super(`${file}: cannot be recorded\n${formatIssues(problems)}\nhint: ${hint}`);
  }
}

export interface RecordOptions {
  /** Accept a run against a loopback or private endpoint; the entry is then a rehearsal. */
  allowLocal?: boolean;
  /** Repository root to write into (default: this repository). */
  root?: string;
  /** The clock a manifest's date is checked against (default: now). */
  now?: Date;
}

const REHEARSAL_NOTE = (endpoint: string) =>
  `Rehearsal: recorded from a run against a ${endpoint} endpoint (a replay server or self-hosted runtime), not the public upstream; it backs no claim.`;

/** The entry a manifest makes, validated; throws RecordRefusedError naming the entry's fields. */
function entryOf(manifestFile: string, manifest: RunManifest, run: { path: string; digest: string } | null): LiveSmokeEntry {
  const status = statusOf(manifest);
  const rehearsal = manifest.status !== 'skipped' && isLocalClass(manifest.endpoint);
  const candidate = {
    provider: manifest.provider,
    capability: manifest.capability,
    command: manifest.command,
    runtime_manifest: manifest.runtime_manifest,
    date: manifest.created_at.slice(0, 10),
    version: manifest.worldforge_version,
    status,
    endpoint: manifest.status === 'skipped' ? null : manifest.endpoint,
    artifact_path: run?.path ?? null,
    artifact_sha256: run?.digest ?? null,
    skip_reason: manifest.status === 'skipped' ? manifest.message : null,
    known_limitations: [
      ...(rehearsal ? [REHEARSAL_NOTE(manifest.endpoint)] : []),
      ...(CATALOG[manifest.provider]?.runtime?.known_limitations ?? []),
    ],
  };
  const parsed = liveSmokeEntrySchema().safeParse(candidate);
  if (parsed.success) return parsed.data;
  throw new RecordRefusedError(
    manifestFile,
    zodIssues(parsed.error, candidate).map((issue) => ({ path: `entry.${issue.path}`, message: issue.message })),
    `the manifest is valid, but the ${LIVE_SMOKE_DIR}/ entry it makes would not be (fields above are the entry's). Re-run the smoke with a current \`npx worldforge smoke <provider>\`; never edit manifests by hand.`,
  );
}

export function recordSmoke(manifestFile: string, options: RecordOptions = {}): RecordOutcome {
  const root = options.root ?? REPO_ROOT;
  const manifest = readRunManifest(manifestFile);
  const problems = artifactProblems(manifestFile, manifest);
  if (problems.length) throw new RunManifestError(manifestFile, problems);
  const now = options.now ?? new Date();
  if (Date.parse(manifest.created_at) > now.getTime()) {
    throw new RecordRefusedError(
      manifestFile,
      [{ path: 'created_at', message: `${manifest.created_at} is in the future (now: ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')})` }],
      'a run cannot be recorded before it happened; check the clock of the host that ran the smoke.',
    );
  }
  const local = isLocalClass(manifest.endpoint) && manifest.status !== 'skipped';
  if (local && !options.allowLocal) {
    throw new LocalRunError(
      `${manifestFile}: endpoint: the run went to a ${manifest.endpoint} endpoint (a replay server or self-hosted runtime), so it is not live evidence of the upstream.\nhint: re-run against the real endpoint, or pass --allow-local to record it as a rehearsal (shown on /live-smoke/, backs no claim).`,
    );
  }
  const runText = manifest.status === 'skipped' ? null : canonicalJson(manifest);
  const run = runText === null ? null : { path: `${LIVE_SMOKE_RUNS_DIR}/${manifest.run_id}.json`, digest: sha256Tag(runText) };
  const entry = entryOf(manifestFile, manifest, run);
  const entryPath = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(entry.provider, entry.capability)}`;
  const unsafeTargets = [entryPath, ...(run ? [run.path] : [])]
    .map((path) => ({ path, problem: liveSmokePathProblem(root, path) }))
    .filter((t): t is { path: string; problem: string } => t.problem !== null);
  if (unsafeTargets.length) {
    throw new RecordRefusedError(
      manifestFile,
      unsafeTargets.map((t) => ({ path: t.path, message: t.problem })),
      `replace the link with a real folder or file inside ${LIVE_SMOKE_DIR}/.`,
    );
  }
  // Everything is valid: write the manifest the entry cites first, then the entry.
  if (run && runText !== null) writeFileAtomic(join(root, run.path), runText);
  writeFileAtomic(join(root, entryPath), canonicalJson(entry));
  return { entry_path: entryPath, run_manifest_path: run?.path ?? null, entry };
}
