/**
 * The run workspace manifest, `.worldforge/runs/<run-id>/manifest.json` (upstream's second,
 * harness-style run manifest shape): what ran, how it ended, which env vars were present (names
 * and presence only), what it wrote. `runs list/show/rerun/bundle` and evidence bundles read it.
 * Timestamps are fine here: workspaces are local history, never byte-diffed evidence.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { refuseUnsafeValues } from '../redaction.ts';
import { capabilitySchema, envVarNameSchema, providerIdSchema, sha256Schema } from '../schema/primitives.ts';
import { InvalidFileError } from '../invalid-file-error.ts';
import { zodIssues } from '../validation.ts';
import { LAYOUT, RUN_ID_PATTERN } from './layout.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

export const WORKSPACE_MANIFEST_SCHEMA = 'worldforge.run-workspace@1';

/** What kind of command produced the run. */
export const RUN_KINDS = ['smoke', 'benchmark', 'eval', 'drill'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** A run is `running` until it finishes; Ctrl-C records `cancelled`. */
export const RUN_STATUSES = ['running', 'passed', 'failed', 'skipped', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A finished status (what `finish()` accepts). */
export type FinalStatus = Exclude<RunStatus, 'running'>;

/** The roles a written file can have; also the folder it lives in (events at the top). */
export const FILE_ROLES = ['input', 'result', 'report', 'artifact'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

const timestamp = () => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** How a run ended, in words a bundle and an issue can quote. Every string is redacted on write. */
export const runSummarySchema = () =>
  z.strictObject({
    /** One sentence: what passed, the error, or why it was skipped. */
    message: z.string().min(1).optional(),
    /** What a healthy run shows (e.g. "every scenario matches its expectation"). */
    expected_signal: z.string().min(1).optional(),
    /** What went wrong, for failed runs. */
    observed_failure: z.string().min(1).optional(),
    /** Typed or worded skip reason, for skipped runs. */
    skip_reason: z.string().min(1).optional(),
    /** The command that recovers from this failure or skip (e.g. "export RUNWAYML_API_SECRET, then …"). */
    recovery_command: z.string().min(1).optional(),
    /** Problems found validating inputs or results. */
    validation_errors: z.array(z.string().min(1)).optional(),
    /** Small scalar facts (counts, rates) worth a glance in `runs show`. */
    metrics: z.record(z.string(), scalar).optional(),
  });
export type RunSummary = z.infer<ReturnType<typeof runSummarySchema>>;

export const workspaceManifestSchema = () =>
  z
    .strictObject({
      /** Always `worldforge.run-workspace@1`. */
      schema: z.literal(WORKSPACE_MANIFEST_SCHEMA),
      /** `YYYYMMDDTHHMMSSZ-<8 hex>`; also the folder's name. */
      run_id: z.string().regex(RUN_ID_PATTERN),
      /** Which command family ran. */
      kind: z.enum(RUN_KINDS),
      /** The command as a user would retype it; secrets come from the environment, never from here. */
      command: z.string().min(1),
      /** Current or final status. */
      status: z.enum(RUN_STATUSES),
      /** UTC start time, to the second. */
      created_at: timestamp(),
      /** UTC end time, or null while running. */
      finished_at: timestamp().nullable(),
      /** WorldForge version that ran. */
      worldforge_version: z.string().min(1),
      /** Provider exercised, or null. */
      provider: providerIdSchema().nullable(),
      /** Capability exercised, or null. */
      capability: capabilitySchema().nullable(),
      /** Operation within the kind (an evaluation suite, a benchmark preset, a drill id), or null. */
      operation: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]*$/)
        .nullable(),
      /** Env vars the command reads: names and presence only, never values. */
      env_summary: z.array(z.strictObject({ name: envVarNameSchema(), present: z.boolean() })),
      /** Events appended to events.jsonl. */
      event_count: z.int().min(0),
      /** Every file the run wrote, relative to the run folder, with its role and digest. */
      files: z.array(
        z.strictObject({
          path: z.string().regex(/^(inputs|results|reports|artifacts)\/[A-Za-z0-9][A-Za-z0-9._-]*$/),
          role: z.enum(FILE_ROLES),
          sha256: sha256Schema(),
          size_bytes: z.int().min(0),
        }),
      ),
      /** Folder names, so a reader does not have to know the layout. */
      layout: z.strictObject({
        inputs: z.literal(LAYOUT.inputs),
        results: z.literal(LAYOUT.results),
        reports: z.literal(LAYOUT.reports),
        artifacts: z.literal(LAYOUT.artifacts),
        events: z.literal('events.jsonl'),
      }),
      /** How the run ended; null while running. */
      summary: runSummarySchema().nullable(),
    })
    .superRefine((m, ctx) => {
      if ((m.status === 'running') !== (m.finished_at === null)) {
        ctx.addIssue({ code: 'custom', path: ['finished_at'], message: 'null exactly while the run is running' });
      }
      refuseUnsafeValues(m, ctx);
    });
export type WorkspaceManifest = z.infer<ReturnType<typeof workspaceManifestSchema>>;

/** A workspace manifest that cannot be read: file, then one `field: reason` line per problem. */
export class WorkspaceManifestError extends InvalidFileError {
  constructor(file: string, problems: readonly { path: string; message: string }[]) {
    super(file, problems, 'run workspace manifest', 'workspaces are written by WorldForge commands; never edit them by hand.');
    this.name = 'WorkspaceManifestError';
  }
}

export function parseWorkspaceManifest(raw: unknown, file: string): WorkspaceManifest {
  const parsed = workspaceManifestSchema().safeParse(raw);
  if (!parsed.success) throw new WorkspaceManifestError(file, zodIssues(parsed.error, raw));
  return parsed.data;
}

export function readWorkspaceManifest(file: string): WorkspaceManifest {
  let raw: unknown;
  try {
    raw = strictJsonValue(readFileSync(file, 'utf8'), file);
  } catch (error) {
    throw new WorkspaceManifestError(file, [{ path: '(root)', message: jsonFailure(error) }]);
  }
  return parseWorkspaceManifest(raw, file);
}
