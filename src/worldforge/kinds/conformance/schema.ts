/**
 * Conformance evidence: one file per catalog provider, one case per (capability, check), plus what
 * the provider page shows about the provider (its profile and, for providers that are not
 * checkout-safe, a summary of its runtime manifest), so the page renders from evidence alone.
 */
import { z } from 'zod';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { providerProfileSchema } from '../../providers/profile.ts';
import { runtimeManifestSchema } from '../../providers/runtime-manifest.ts';
import { capabilitySchema, caseStatusSchema, errorCodeSchema, providerIdSchema, sha256Schema } from '../../schema/primitives.ts';

export const CONFORMANCE_SCHEMA = 'worldforge.evidence.conformance@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const CONFORMANCE_KIND = { id: 'conformance', schemaName: CONFORMANCE_SCHEMA } as const;

/**
 * What a case checks:
 * - `call`: an advertised capability runs on a valid request and its result passes the schema;
 * - `deterministic`: two identical calls give identical results (only for deterministic profiles);
 * - `rejects-invalid`: an invalid request fails with `invalid_input`, never reaching the provider;
 * - `fails-closed`: a capability that is not advertised throws `unsupported_capability`.
 */
export const CASE_KINDS = ['call', 'deterministic', 'rejects-invalid', 'fails-closed'] as const;

export const conformanceCaseSchema = () =>
  z.strictObject({
    /** `<capability>/<kind>`, unique within the file. */
    id: z.string().regex(/^[a-z]+\/[a-z-]+$/),
    /** Capability under test. */
    capability: capabilitySchema(),
    /** What the case checks. */
    kind: z.enum(CASE_KINDS),
    /** Whether the profile advertised the capability when the case ran. */
    advertised: z.boolean(),
    /** The contract the case expects, in words. */
    expected: z.string().min(1),
    /** What actually happened, in words (never raw media or secrets). */
    observed: z.string().min(1),
    /** Whether observed matched expected. */
    status: caseStatusSchema(),
    /** Typed error code observed, or null when the call succeeded. */
    error_code: errorCodeSchema().nullable(),
    /** Digest of the result (binary frames summarized), or null when there was none. */
    result_digest: sha256Schema().nullable(),
  });
export type ConformanceCase = z.infer<ReturnType<typeof conformanceCaseSchema>>;

/**
 * What a provider that is not checkout-safe needs from its host (env vars, model, artifact
 * lifetime, smoke commands, limitations) and the first triage step per typed error, taken from its
 * runtime manifest when the suite ran. Required env vars are in the profile, never repeated here.
 */
export const runtimeSummarySchema = () =>
  runtimeManifestSchema()
    .pick({
      id: true,
      optional_env_vars: true,
      default_model: true,
      host_owned_artifacts: true,
      artifact_lifetime: true,
      smoke_commands: true,
      triage: true,
      known_limitations: true,
    })
    .extend({
      /** First triage step for a typed error the manifest has no entry for. */
      default_triage: z.strictObject({ command: z.string().min(1), note: z.string().min(1) }),
    });
export type RuntimeSummary = z.infer<ReturnType<typeof runtimeSummarySchema>>;

export const conformanceBodySchema = () =>
  z
    .strictObject({
      /** Provider id. */
      provider: providerIdSchema(),
      /** The profile as it was when the suite ran. */
      profile: providerProfileSchema(),
      /** The runtime manifest summary of a provider that is not checkout-safe, else null. */
      runtime: runtimeSummarySchema().nullable(),
      /** Every case, in capability order then kind order. */
      cases: z.array(conformanceCaseSchema()),
    })
    .superRefine((body, ctx) => {
      const seen = new Set<string>();
      body.cases.forEach((c, i) => {
        if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['cases', i, 'id'], message: `duplicate case id '${c.id}'` });
        seen.add(c.id);
      });
    });

export const conformanceEvidenceSchema = () => evidenceDocumentSchema(CONFORMANCE_SCHEMA, conformanceBodySchema());
export type ConformanceEvidence = z.infer<ReturnType<typeof conformanceEvidenceSchema>>;
