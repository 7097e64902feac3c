/**
 * The evidence envelope: the provenance every file in `evidence/` carries around its body. This is
 * the ONE model shared by the generators (which build it), the check (which compares it) and the
 * site's content collections (which render it). Never define these shapes anywhere else.
 */
import { z } from 'zod';
import { canonicalJson, sha256Tag } from '../digest.ts';
import {
  capabilitySchema,
  evidenceStatusSchema,
  providerIdSchema,
  repoPathSchema,
  runtimeManifestIdSchema,
  sha256Schema,
  skipReasonSchema,
} from '../schema/primitives.ts';

/** A file the result depends on, by repository-relative path and content digest. */
export const evidenceInputSchema = () =>
  z.strictObject({
    /** Repository-relative POSIX path. Never absolute, never `..`. */
    path: repoPathSchema(),
    /** Digest of the file's bytes. */
    sha256: sha256Schema(),
  });

/** What the evidence is about. */
export const evidenceSubjectSchema = () =>
  z.strictObject({
    /** Provider id, when the evidence is about one provider. */
    provider: providerIdSchema().optional(),
    /** Capability, when the evidence is about one capability. */
    capability: capabilitySchema().optional(),
    /** Benchmark or evaluation preset, when relevant. */
    preset: z.string().min(1).optional(),
  });

/** The envelope fields, to be spread into a document schema together with a `body`. */
const envelopeShape = () => ({
  /** Schema name and version, `worldforge.evidence.<kind>@<n>`. */
  schema: z.string().regex(/^worldforge\.evidence\.[a-z-]+@\d+$/),
  /** Suite that produced the file. */
  suite: z.string().min(1),
  /** Version of that suite; bump it when its semantics change. */
  suite_version: z.string().min(1),
  /** What the evidence is about. */
  subject: evidenceSubjectSchema(),
  /** The command that regenerates exactly this file. */
  command: z.string().min(1),
  /** WorldForge package version that produced it. */
  worldforge_version: z.string().min(1),
  /** Files the result depends on, sorted by path. A changed digest means the evidence is stale. */
  inputs: z.array(evidenceInputSchema()).refine((inputs) => inputs.every((input, i) => i === 0 || inputs[i - 1]!.path < input.path), {
    message: 'inputs must be sorted by path without duplicates',
  }),
  /** sha256 of the canonical JSON of `body`. */
  result_digest: sha256Schema(),
  /** Provider events observed while producing the result. */
  event_count: z.int().min(0),
  /** Runtime manifest id the evidence was produced against, or null for checkout-safe suites. */
  runtime_manifest: runtimeManifestIdSchema().nullable(),
  /** Budget file the evidence was checked against, or null. */
  budget: z.string().min(1).nullable(),
  /** What this evidence does NOT show. Required: evidence without a boundary over-claims. */
  claim_boundary: z.string().min(20, { message: 'state what this evidence does not show (≥ 20 characters)' }),
  /** Outcome of the suite for this subject. */
  status: evidenceStatusSchema(),
  /** Typed reason when `status` is `skipped`, else null. */
  skip_reason: skipReasonSchema().nullable(),
});

/** Builds the schema of one evidence document kind: the envelope around a typed body. */
export function evidenceDocumentSchema<Body extends z.ZodType>(schemaName: string, body: Body) {
  return z.strictObject({ ...envelopeShape(), schema: z.literal(schemaName), body }).superRefine((doc, ctx) => {
    if ((doc.status === 'skipped') !== (doc.skip_reason !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['skip_reason'],
        message: 'skip_reason is required when status is skipped and must be null otherwise',
      });
    }
    const digest = sha256Tag(canonicalJson((doc as { body: unknown }).body));
    if (doc.result_digest !== digest) {
      ctx.addIssue({
        code: 'custom',
        path: ['result_digest'],
        message: `does not match the body (body digests to ${digest}); the file was edited by hand`,
      });
    }
  });
}

export type EvidenceEnvelope = z.infer<z.ZodObject<ReturnType<typeof envelopeShape>>>;
