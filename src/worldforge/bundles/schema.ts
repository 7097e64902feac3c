/**
 * Bundle manifests (`bundle.json`): the issue bundle of one run and the evidence bundle of several.
 * Every file considered is listed — copied or not — with its digest, size, whether it is safe to
 * attach, whether it is local-only, and why it was excluded. Exported as JSON Schema.
 */
import { z } from 'zod';
import { sha256Schema } from '../schema/primitives.ts';
import { RUN_ID_PATTERN } from '../runs/layout.ts';
import { RUN_KINDS, RUN_STATUSES } from '../runs/manifest.ts';
import { STATEMENT_FILE } from './intoto.ts';

export const ISSUE_BUNDLE_SCHEMA = 'worldforge.issue-bundle@1';
export const EVIDENCE_BUNDLE_SCHEMA = 'worldforge.evidence-bundle@1';

/** Bundle-relative POSIX path. */
const bundlePath = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/)
    .refine((p) => !p.split('/').includes('..'), 'must not contain ..');

export const bundleFileSchema = () =>
  z.strictObject({
    /** Where the file is (or would be) in the bundle. */
    path: bundlePath(),
    /** Where it came from: `runs/<run-id>/<path>` or a repository path. */
    source: z.string().min(1),
    /** What it is: manifest, events, input, result, report, artifact, fixture, budget, summary. */
    kind: z.string().regex(/^[a-z][a-z-]*$/),
    /** Copied into the bundle. */
    included: z.boolean(),
    /** Its content passed the secret and value scans. */
    safe_to_attach: z.boolean(),
    /** Stays on the machine that ran by policy (artifacts, binary or oversized files). */
    local_only: z.boolean(),
    /** Why it was excluded; null when included. */
    reason: z.string().min(1).nullable(),
    /** Digest of the source bytes. */
    sha256: sha256Schema(),
    size_bytes: z.int().min(0),
  });
export type BundleFile = z.infer<ReturnType<typeof bundleFileSchema>>;

/** One run as a bundle describes it (from its sanitized workspace manifest). */
export const bundleRunSchema = () =>
  z.strictObject({
    run_id: z.string().regex(RUN_ID_PATTERN),
    kind: z.enum(RUN_KINDS),
    status: z.enum(RUN_STATUSES),
    command: z.string().min(1),
    provider: z.string().nullable(),
    capability: z.string().nullable(),
    operation: z.string().nullable(),
    expected_signal: z.string().nullable(),
    observed_failure: z.string().nullable(),
    skip_reason: z.string().nullable(),
    validation_errors: z.array(z.string()),
    /** Env vars the run read: names and presence, never values. */
    env: z.array(z.strictObject({ name: z.string(), present: z.boolean() })),
  });
export type BundleRun = z.infer<ReturnType<typeof bundleRunSchema>>;

const counts = {
  included_count: z.int().min(0),
  excluded_count: z.int().min(0),
  /** False when any file was excluded for unsafe content (local-only policy exclusions do not count). */
  safe_to_attach: z.boolean(),
  /** Every file considered, sorted by path. */
  files: z.array(bundleFileSchema()),
};

export const issueBundleSchema = () =>
  z.strictObject({
    schema: z.literal(ISSUE_BUNDLE_SCHEMA),
    bundle_kind: z.literal('issue-run'),
    run: bundleRunSchema(),
    /** The issue body, in the bundle. */
    issue_template: z.literal('issue.md'),
    /** What to do first with this bundle. */
    first_triage_step: z.string().min(10),
    /** The in-toto Statement v1 over the copied files. */
    statement: z.literal(STATEMENT_FILE),
    ...counts,
  });
export type IssueBundle = z.infer<ReturnType<typeof issueBundleSchema>>;

export const evidenceBundleSchema = () =>
  z.strictObject({
    schema: z.literal(EVIDENCE_BUNDLE_SCHEMA),
    bundle_kind: z.literal('evidence'),
    worldforge_version: z.string().min(1),
    /** Digest of evidence/index.json at bundling time. */
    evidence_index_sha256: sha256Schema().nullable(),
    run_count: z.int().min(0),
    runs: z.array(bundleRunSchema()),
    /** Runs that were skipped, with why (typed skips are results, not errors). */
    skip_reasons: z.array(z.strictObject({ run_id: z.string(), skip_reason: z.string() })),
    statement: z.literal(STATEMENT_FILE),
    ...counts,
  });
export type EvidenceBundle = z.infer<ReturnType<typeof evidenceBundleSchema>>;
