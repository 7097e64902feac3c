/**
 * The live-smoke evidence registry: `content/live-smoke/<provider>-<capability>.json`, one entry
 * per (provider, capability) that is not checkout-safe. An entry says whether a live run against
 * the real upstream happened and how it went; passed and failed entries cite a sanitized copy of
 * the run manifest (`content/live-smoke/runs/<run-id>.json`) by path and digest, skips say why.
 *
 * A run records where it went as an endpoint class. A passed or failed run against a loopback or
 * private endpoint (a replay server, a self-hosted runtime) is a **rehearsal**: it shows the
 * adapter works against recorded or local answers, not that the live upstream does. Rehearsals
 * keep their status, carry the class, are labelled on /live-smoke/, and never back a claim.
 */
import { once } from './once.ts';
import { lstatSync, type Stats } from 'node:fs';
import { isAbsolute, join, posix, relative } from 'node:path';
import { z } from 'zod';
import { type EndpointClass, endpointClassSchema, isLocalClass } from './endpoint-class.ts';
import { RUN_MANIFEST_LIMITS } from './manifests.ts';
import { refuseUnsafeValues } from './redaction.ts';
import { capabilitySchema, providerIdSchema, runtimeManifestIdSchema, sha256Schema } from './schema/primitives.ts';

export const LIVE_SMOKE_DIR = 'content/live-smoke';
export const LIVE_SMOKE_RUNS_DIR = 'content/live-smoke/runs';
export const LIVE_SMOKE_STATUSES = [
  'passed',
  'failed',
  'not_run',
  'skipped_missing_runtime',
  'skipped_missing_credentials',
  'skipped_not_configured',
] as const;
export type LiveSmokeStatus = (typeof LIVE_SMOKE_STATUSES)[number];

/** Entries whose status needs a run manifest as evidence. */
export const needsRunManifest = (status: LiveSmokeStatus) => status === 'passed' || status === 'failed';

/** Size limits of an entry's free text (a skip reason is the run manifest's message). */
export const LIVE_SMOKE_LIMITS = {
  commandChars: RUN_MANIFEST_LIMITS.commandChars,
  reasonChars: RUN_MANIFEST_LIMITS.messageChars,
  limitationChars: 500,
  limitations: 20,
} as const;

/** A run that happened against a loopback or private endpoint: not live evidence of the upstream. */
export const isRehearsal = (entry: { status: LiveSmokeStatus; endpoint: EndpointClass | null }) =>
  needsRunManifest(entry.status) && entry.endpoint !== null && isLocalClass(entry.endpoint);

/** How pages label an entry: its status, prefixed `rehearsal` for a run against a local endpoint. */
export const liveSmokeLabel = (entry: { status: LiveSmokeStatus; endpoint: EndpointClass | null }) =>
  isRehearsal(entry) ? `rehearsal ${entry.status} (${entry.endpoint} endpoint)` : entry.status.replaceAll('_', ' ');

export const liveSmokeEntrySchema = once(() =>
  z
    .strictObject({
      /** Provider id. */
      provider: providerIdSchema(),
      /** Capability smoked. */
      capability: capabilitySchema(),
      /** The smoke command that produces (or would produce) the run. */
      command: z.string().min(1).max(LIVE_SMOKE_LIMITS.commandChars),
      /** Runtime manifest id the run used, or null. */
      runtime_manifest: runtimeManifestIdSchema().nullable(),
      /** Day of the run (or of the decision to skip), `YYYY-MM-DD`. */
      date: z.iso.date(),
      /** WorldForge version. */
      version: z.string().min(1),
      /** Outcome. */
      status: z.enum(LIVE_SMOKE_STATUSES),
      /**
       * Where the run went (passed and failed only; null for skips, where nothing was called).
       * `loopback` or `private` makes the entry a rehearsal, which backs no claim.
       */
      endpoint: endpointClassSchema().nullable(),
      /** Repository path of the sanitized run manifest (`content/live-smoke/runs/<run-id>.json`), or null. */
      artifact_path: z
        .string()
        .regex(/^content\/live-smoke\/runs\/\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/)
        .nullable(),
      /** sha256 of that file, so an edited manifest is caught. */
      artifact_sha256: sha256Schema().nullable(),
      /** Why the smoke did not run (required for skips and not_run). */
      skip_reason: z.string().min(10).max(LIVE_SMOKE_LIMITS.reasonChars).nullable(),
      /** What the entry does not show, or what the adapter does not do. */
      known_limitations: z.array(z.string().min(1).max(LIVE_SMOKE_LIMITS.limitationChars)).max(LIVE_SMOKE_LIMITS.limitations),
    })
    .superRefine((entry, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if ((entry.artifact_path === null) !== (entry.artifact_sha256 === null))
        issue('artifact_sha256', 'artifact_path and artifact_sha256 go together');
      if (needsRunManifest(entry.status) !== (entry.endpoint !== null)) {
        issue(
          'endpoint',
          `status ${entry.status} ${needsRunManifest(entry.status) ? 'needs the endpoint class of its run' : 'calls nothing: endpoint must be null'}`,
        );
      }
      if (needsRunManifest(entry.status)) {
        if (entry.artifact_path === null)
          issue(
            'artifact_path',
            `status ${entry.status} needs the sanitized run manifest (run \`npx worldforge smoke record <run_manifest.json>\`)`,
          );
      } else if (entry.skip_reason === null) {
        issue('skip_reason', `status ${entry.status} needs a skip_reason saying why the smoke did not run`);
      }
      refuseUnsafeValues(entry, ctx);
    }),
);
export type LiveSmokeEntry = z.infer<ReturnType<typeof liveSmokeEntrySchema>>;

/** File name of an entry: `<provider>-<capability>.json`. */
export const liveSmokeFileName = (provider: string, capability: string) => `${provider}-${capability}.json`;

/**
 * Why `path` (repository-relative) may not be read or written as a live-smoke file, or null when
 * it may: it must stay inside content/live-smoke/ after normalization, and neither it nor any
 * folder on the way may be a symlink (a link would let a registry file read or overwrite files
 * outside the repository). A path that does not exist yet is fine for writing.
 */
export function liveSmokePathProblem(root: string, path: string): string | null {
  const normalized = posix.normalize(path);
  if (normalized !== path || !normalized.startsWith(`${LIVE_SMOKE_DIR}/`) || isAbsolute(path)) {
    return `${path} is not a path inside ${LIVE_SMOKE_DIR}/`;
  }
  let current = root;
  for (const segment of normalized.split('/')) {
    current = join(current, segment);
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch {
      return null; // does not exist (yet): nothing below it can be a link
    }
    if (stat.isSymbolicLink()) return `${relative(root, current)} is a symlink; live-smoke files are never read or written through links`;
  }
  return null;
}
