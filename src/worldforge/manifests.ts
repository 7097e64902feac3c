/**
 * Run manifests: `.worldforge/runs/<run-id>/run_manifest.json`, written by live smoke runs and
 * turned into live-smoke registry entries by `worldforge smoke record`. A manifest is provenance
 * that may be committed, so it is REJECTED — never silently rewritten — when any value is unsafe:
 * a secret under any key, a URL with a query, fragment or userinfo, a bearer token, a host path.
 */
import { once } from './once.ts';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic.ts';
import { canonicalJson, sha256Tag } from './digest.ts';
import { endpointClassSchema } from './endpoint-class.ts';
import { readJsonInput } from './json-input.ts';
import { refuseUnsafeValues } from './redaction.ts';
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
import { InvalidFileError } from './invalid-file-error.ts';
import { zodIssues } from './validation.ts';

/** @2: `endpoint` is the endpoint class (loopback | private | public); @1 had default | custom | local. */
export const RUN_MANIFEST_SCHEMA = 'worldforge.run-manifest@2';
export const RUN_MANIFEST_FILE = 'run_manifest.json';

/**
 * Size limits. A manifest is committed provenance: an upstream that answers with a 50 MB error
 * body must not turn into a 50 MB file in the repository. Writers shorten messages with
 * `boundedMessage`; readers refuse larger files before parsing them.
 */
export const RUN_MANIFEST_LIMITS = {
  /** Bytes of a manifest file. */
  fileBytes: 256 * 1024,
  /** Characters of `message`. */
  messageChars: 2000,
  /** Characters of `command`. */
  commandChars: 500,
  /** Characters of any other string. */
  shortChars: 200,
  /** Entries of `artifacts` and of `env_summary`. */
  listItems: 32,
} as const;

/** `text` cut to the message limit, marked with an ellipsis when cut. Redact before bounding. */
export function boundedMessage(text: string): string {
  const max = RUN_MANIFEST_LIMITS.messageChars;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const short = () => z.string().min(1).max(RUN_MANIFEST_LIMITS.shortChars);

/** The UTC second a run id names (`20261126T120000Z-…` → `2026-11-26T12:00:00Z`). */
export const runIdTime = (runId: string) => runId.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-.*$/, '$1-$2-$3T$4:$5:$6Z');

/** True for `YYYY-MM-DDTHH:MM:SSZ` naming a real instant (no 2026-02-30, no 25:00). */
const isRealInstant = (text: string) => {
  const ms = Date.parse(text);
  return Number.isFinite(ms) && new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') === text;
};

/** A path inside the run folder: relative, POSIX, no `..`. Host paths would leak user names. */
const runRelativePath = () => relativePathSchema('the run folder');

export const runManifestSchema = once(() =>
  z
    .strictObject({
      /** Always `worldforge.run-manifest@1`. */
      schema: z.literal(RUN_MANIFEST_SCHEMA),
      /** `YYYYMMDDTHHMMSSZ-<8 hex>`; also the run folder's name. */
      run_id: z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/),
      /** UTC time the run started, to the second. */
      created_at: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
        .refine(isRealInstant, { message: 'not a real UTC time' }),
      /** WorldForge version that ran. */
      worldforge_version: short(),
      /** The command, as a user would retype it (no secrets: keys come from the environment). */
      command: z.string().min(1).max(RUN_MANIFEST_LIMITS.commandChars),
      /** Provider id. */
      provider: providerIdSchema(),
      /** Capability exercised. */
      capability: capabilitySchema(),
      /** Outcome. */
      status: evidenceStatusSchema(),
      /**
       * Where the run went, as a class (never the URL): `public`, or `loopback` / `private` for a
       * replay server or self-hosted runtime. Only a public run is live evidence of an upstream;
       * the others are rehearsals (see endpoint-class.ts).
       */
      endpoint: endpointClassSchema(),
      /** Runtime manifest id the run used. */
      runtime_manifest: runtimeManifestIdSchema(),
      /** Digest of the canonical request (frames summarized). */
      input_digest: sha256Schema(),
      /** Digest of the canonical result, or null when there was none. */
      result_digest: sha256Schema().nullable(),
      /** Provider events observed. */
      event_count: z.int().min(0),
      /** Files the run kept, relative to the run folder, with digests. */
      artifacts: z
        .array(
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
            content_type: short(),
          }),
        )
        .max(RUN_MANIFEST_LIMITS.listItems),
      /** Which env vars were present. Names and presence only, never values. */
      env_summary: z.array(z.strictObject({ name: envVarNameSchema(), present: z.boolean() })).max(RUN_MANIFEST_LIMITS.listItems),
      /** Typed error code of a failed run. */
      error_code: errorCodeSchema().nullable(),
      /** Typed skip reason of a skipped run. */
      skip_reason: skipReasonSchema().nullable(),
      /** One human sentence: the error, the skip reason, or what passed. Redacted. */
      message: z.string().min(1).max(RUN_MANIFEST_LIMITS.messageChars),
    })
    .superRefine((m, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (runIdTime(m.run_id) !== m.created_at) issue('created_at', `must be the time the run id names (${runIdTime(m.run_id)})`);
      if ((m.status === 'skipped') !== (m.skip_reason !== null)) issue('skip_reason', 'required when status is skipped, null otherwise');
      if ((m.status === 'failed') !== (m.error_code !== null)) issue('error_code', 'required when status is failed, null otherwise');
      if (m.status === 'passed' && (m.result_digest === null || m.artifacts.length === 0)) {
        issue('artifacts', 'a passed run needs a result_digest and at least one artifact');
      }
      // Reject, do not rewrite: an unsafe value means the writer has a redaction bug.
      refuseUnsafeValues(m, ctx, '; manifests are never rewritten');
    }),
);
export type RunManifest = z.infer<ReturnType<typeof runManifestSchema>>;

/** A manifest that failed validation: file, then one `field: reason` line per problem, then a hint. */
export class RunManifestError extends InvalidFileError {
  constructor(file: string, problems: readonly { path: string; message: string }[]) {
    super(file, problems, 'run manifest', 'run manifests are written by `npx worldforge smoke <provider>`; never edit them by hand.');
  }
}

export function parseRunManifest(raw: unknown, file: string): RunManifest {
  const parsed = runManifestSchema().safeParse(raw);
  if (!parsed.success) throw new RunManifestError(file, zodIssues(parsed.error, raw));
  return parsed.data;
}

/** Reads and validates a manifest file: bounded size, strict JSON without duplicate keys, the schema. */
export function readRunManifest(file: string): RunManifest {
  const input = readJsonInput(file, RUN_MANIFEST_LIMITS.fileBytes);
  if (!input.ok) throw new RunManifestError(file, [input.problem]);
  return parseRunManifest(input.value, file);
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
    if (existsSync(full) && !lstatSync(full).isFile()) {
      return [{ path: `artifacts.${i}.path`, message: `${artifact.path} is not a regular file (symlinks are not followed)` }];
    }
    if (!existsSync(full)) return [{ path: `artifacts.${i}.path`, message: `file ${artifact.path} is missing next to the manifest` }];
    const digest = sha256Tag(readFileSync(full));
    return digest === artifact.sha256
      ? []
      : [{ path: `artifacts.${i}.sha256`, message: `file ${artifact.path} digests to ${digest}, not ${artifact.sha256}` }];
  });
}
