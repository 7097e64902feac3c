/**
 * Run manifests: `.worldforge/runs/<run-id>/run_manifest.json`, written by live smoke runs and
 * turned into live-smoke registry entries by `worldforge smoke record`. A manifest is provenance
 * that may be committed, so it is REJECTED — never silently rewritten — when any value is unsafe:
 * a secret under any key, a URL with a query, fragment or userinfo, a bearer token, a host path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic.ts';
import { canonicalJson, sha256Tag } from './digest.ts';
import { unsafeValues } from './redaction.ts';
import {
  capabilitySchema,
  envVarNameSchema,
  errorCodeSchema,
  evidenceStatusSchema,
  providerIdSchema,
  relativePathSchema,
  runtimeManifestIdSchema,
  sha256Schema,
  skipReasonSchema,
} from './schema/primitives.ts';
import { formatIssues, zodIssues } from './validation.ts';

export const RUN_MANIFEST_SCHEMA = 'worldforge.run-manifest@1';
export const RUN_MANIFEST_FILE = 'run_manifest.json';

/** A path inside the run folder: relative, POSIX, no `..`. Host paths would leak user names. */
const runRelativePath = () => relativePathSchema('the run folder');

export const runManifestSchema = () =>
  z
    .strictObject({
      /** Always `worldforge.run-manifest@1`. */
      schema: z.literal(RUN_MANIFEST_SCHEMA),
      /** `YYYYMMDDTHHMMSSZ-<8 hex>`; also the run folder's name. */
      run_id: z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/),
      /** UTC time the run started, to the second. */
      created_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      /** WorldForge version that ran. */
      worldforge_version: z.string().min(1),
      /** The command, as a user would retype it (no secrets: keys come from the environment). */
      command: z.string().min(1),
      /** Provider id. */
      provider: providerIdSchema(),
      /** Capability exercised. */
      capability: capabilitySchema(),
      /** Outcome. */
      status: evidenceStatusSchema(),
      /**
       * Which endpoint answered: the upstream default, a custom origin, or a local (loopback or
       * private) one such as a replay server. A local run is a rehearsal, not live evidence.
       */
      endpoint: z.enum(['default', 'custom', 'local']),
      /** Runtime manifest id the run used. */
      runtime_manifest: runtimeManifestIdSchema(),
      /** Digest of the canonical request (frames summarized). */
      input_digest: sha256Schema(),
      /** Digest of the canonical result, or null when there was none. */
      result_digest: sha256Schema().nullable(),
      /** Provider events observed. */
      event_count: z.int().min(0),
      /** Files the run kept, relative to the run folder, with digests. */
      artifacts: z.array(
        z.strictObject({
          /** What the file is (`output`). */
          label: z.string().regex(/^[a-z][a-z0-9-]*$/),
          /** Path relative to the run folder. */
          path: runRelativePath(),
          /** Digest of the file's bytes. */
          sha256: sha256Schema(),
          /** Size in bytes. */
          byte_length: z.int().min(0),
          /** Media type. */
          content_type: z.string().min(1),
        }),
      ),
      /** Which env vars were present. Names and presence only, never values. */
      env_summary: z.array(z.strictObject({ name: envVarNameSchema(), present: z.boolean() })),
      /** Typed error code of a failed run. */
      error_code: errorCodeSchema().nullable(),
      /** Typed skip reason of a skipped run. */
      skip_reason: skipReasonSchema().nullable(),
      /** One human sentence: the error, the skip reason, or what passed. Redacted. */
      message: z.string().min(1),
    })
    .superRefine((m, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if ((m.status === 'skipped') !== (m.skip_reason !== null)) issue('skip_reason', 'required when status is skipped, null otherwise');
      if ((m.status === 'failed') !== (m.error_code !== null)) issue('error_code', 'required when status is failed, null otherwise');
      if (m.status === 'passed' && (m.result_digest === null || m.artifacts.length === 0)) {
        issue('artifacts', 'a passed run needs a result_digest and at least one artifact');
      }
      // Reject, do not rewrite: an unsafe value means the writer has a redaction bug.
      for (const unsafe of unsafeValues(m)) {
        ctx.addIssue({
          code: 'custom',
          path: unsafe.path.split('.'),
          message: `unsafe value rejected (${unsafe.reason}); manifests are never rewritten`,
        });
      }
    });
export type RunManifest = z.infer<ReturnType<typeof runManifestSchema>>;

/** A manifest that failed validation: file, then one `field: reason` line per problem, then a hint. */
export class RunManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(
      `${file}: invalid run manifest\n${formatIssues(problems)}\nhint: run manifests are written by \`npx worldforge smoke <provider>\`; never edit them by hand.`,
    );
  }
}

export function parseRunManifest(raw: unknown, file: string): RunManifest {
  const parsed = runManifestSchema().safeParse(raw);
  if (!parsed.success) throw new RunManifestError(file, zodIssues(parsed.error, raw));
  return parsed.data;
}

export function readRunManifest(file: string): RunManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RunManifestError(file, [{ path: '(root)', message: `not readable JSON (${(error as Error).message.split('\n')[0]})` }]);
  }
  return parseRunManifest(raw, file);
}

/** Validates, then writes `<runDir>/run_manifest.json` atomically. Returns the file path. */
export function writeRunManifest(runDir: string, manifest: RunManifest): string {
  const file = join(runDir, RUN_MANIFEST_FILE);
  parseRunManifest(manifest, file);
  writeFileAtomic(file, canonicalJson(manifest));
  return file;
}

/** Problems with the artifacts a manifest lists, checked against the files next to it. */
export function artifactProblems(manifestFile: string, manifest: RunManifest): { path: string; message: string }[] {
  const dir = dirname(manifestFile);
  return manifest.artifacts.flatMap((artifact, i) => {
    const full = join(dir, artifact.path);
    if (!existsSync(full)) return [{ path: `artifacts.${i}.path`, message: `file ${artifact.path} is missing next to the manifest` }];
    const digest = sha256Tag(readFileSync(full));
    return digest === artifact.sha256
      ? []
      : [{ path: `artifacts.${i}.sha256`, message: `file ${artifact.path} digests to ${digest}, not ${artifact.sha256}` }];
  });
}
