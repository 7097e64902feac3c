/**
 * The live-smoke evidence registry: `content/live-smoke/<provider>-<capability>.json`, one entry
 * per (provider, capability) that is not checkout-safe. An entry says whether a live run against
 * the real upstream happened and how it went; passed and failed entries cite a sanitized copy of
 * the run manifest (`content/live-smoke/runs/<run-id>.json`) by path and digest, skips say why.
 */
import { z } from 'zod';
import { unsafeValues } from './redaction.ts';
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

export const liveSmokeEntrySchema = () =>
  z
    .strictObject({
      /** Provider id. */
      provider: providerIdSchema(),
      /** Capability smoked. */
      capability: capabilitySchema(),
      /** The smoke command that produces (or would produce) the run. */
      command: z.string().min(1),
      /** Runtime manifest id the run used, or null. */
      runtime_manifest: runtimeManifestIdSchema().nullable(),
      /** Day of the run (or of the decision to skip), `YYYY-MM-DD`. */
      date: z.iso.date(),
      /** WorldForge version. */
      version: z.string().min(1),
      /** Outcome. */
      status: z.enum(LIVE_SMOKE_STATUSES),
      /** Repository path of the sanitized run manifest (`content/live-smoke/runs/<run-id>.json`), or null. */
      artifact_path: z
        .string()
        .regex(/^content\/live-smoke\/runs\/\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/)
        .nullable(),
      /** sha256 of that file, so an edited manifest is caught. */
      artifact_sha256: sha256Schema().nullable(),
      /** Why the smoke did not run (required for skips and not_run). */
      skip_reason: z.string().min(10).nullable(),
      /** What the entry does not show, or what the adapter does not do. */
      known_limitations: z.array(z.string().min(1)),
    })
    .superRefine((entry, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if ((entry.artifact_path === null) !== (entry.artifact_sha256 === null))
        issue('artifact_sha256', 'artifact_path and artifact_sha256 go together');
      if (needsRunManifest(entry.status)) {
        if (entry.artifact_path === null)
          issue(
            'artifact_path',
            `status ${entry.status} needs the sanitized run manifest (run \`npx worldforge smoke record <run_manifest.json>\`)`,
          );
      } else if (entry.skip_reason === null) {
        issue('skip_reason', `status ${entry.status} needs a skip_reason saying why the smoke did not run`);
      }
      for (const unsafe of unsafeValues(entry)) {
        ctx.addIssue({ code: 'custom', path: unsafe.path.split('.'), message: `unsafe value rejected (${unsafe.reason})` });
      }
    });
export type LiveSmokeEntry = z.infer<ReturnType<typeof liveSmokeEntrySchema>>;

/** File name of an entry: `<provider>-<capability>.json`. */
export const liveSmokeFileName = (provider: string, capability: string) => `${provider}-${capability}.json`;
