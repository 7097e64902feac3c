/**
 * Release evidence: `evidence/releases/<version>.json`, frozen by `npx worldforge release evidence
 * --version <semver>` and never regenerated. It records what the release claims and what backed
 * each claim when it was cut: the evidence index digest, every evidence file's status, benchmark
 * evidence when present, the live-smoke registry with ages, the claim map with backing states, the
 * release-mode check and linked bundles. Inputs are empty on purpose: a frozen release describes
 * the tree it was cut from, so later changes do not make it stale (its statement re-checks them).
 */
import { z } from 'zod';
import { EVIDENCE_CLASSES, CLAIM_AREAS } from '../../claims/schema.ts';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { LIVE_SMOKE_STATUSES } from '../../live-smoke.ts';
import { evidenceStatusSchema, sha256Schema } from '../../schema/primitives.ts';

export const RELEASES_SCHEMA = 'worldforge.evidence.releases@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const RELEASES_KIND = { id: 'releases', schemaName: RELEASES_SCHEMA } as const;

/** `MAJOR.MINOR.PATCH[-prerelease]`, as semver.org spells it (no build metadata: it is a file name). */
export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** The command that freezes a release file. */
export const releaseCommand = (version: string) => `npx worldforge release evidence --version ${version}`;

/** How a claim stood when the release was cut. */
export const BACKING_STATES = ['backed', 'known-gap', 'unbacked'] as const;
export type BackingState = (typeof BACKING_STATES)[number];

export const releaseClaimSchema = () =>
  z.strictObject({
    id: z.string().min(1),
    statement: z.string().min(1),
    area: z.enum(CLAIM_AREAS),
    class: z.enum(EVIDENCE_CLASSES),
    /** backed: no claim finding; known-gap: only accepted gaps (errors in release mode); unbacked: errors. */
    backing: z.enum(BACKING_STATES),
    /** Each cited ref and what it resolved to. */
    evidence: z.array(
      z.strictObject({ ref: z.string().min(1), found: z.boolean(), status: z.string().nullable(), source: z.string().min(1) }),
    ),
    /** The findings about this claim, one line each (`rule: found`). */
    findings: z.array(z.string()),
  });
export type ReleaseClaim = z.infer<ReturnType<typeof releaseClaimSchema>>;

export const releaseBodySchema = () =>
  z.strictObject({
    /** The release version. */
    version: z.string().regex(SEMVER_PATTERN, { message: 'must be a semver version such as 0.1.0' }),
    /** The day the release evidence was frozen (YYYY-MM-DD); ages are counted to it. */
    date: z.iso.date(),
    /** Digest of evidence/index.json when the release was cut. */
    evidence_index_sha256: sha256Schema(),
    /** Every evidence document of the index (releases excluded) with its status and digest. */
    suites: z.array(
      z.strictObject({ path: z.string().min(1), schema: z.string().min(1), status: evidenceStatusSchema(), sha256: sha256Schema() }),
    ),
    /** Benchmark baselines and budget verdicts (evidence/benchmarks/), when that evidence exists. */
    benchmarks: z.array(z.strictObject({ path: z.string().min(1), status: evidenceStatusSchema(), sha256: sha256Schema() })),
    /** The live-smoke registry, copied from content/live-smoke/ (no copy-paste), with ages in days. */
    live_smoke: z.array(
      z.strictObject({
        provider: z.string().min(1),
        capability: z.string().min(1),
        status: z.enum(LIVE_SMOKE_STATUSES),
        date: z.iso.date(),
        age_days: z.int(),
        version: z.string().min(1),
        command: z.string().min(1),
      }),
    ),
    /** The claim map, in claim-file order. */
    claims: z.array(releaseClaimSchema()),
    /** The check in release mode: ok, and every error it reported. */
    release_check: z.strictObject({
      ok: z.boolean(),
      errors: z.array(z.strictObject({ rule: z.string().min(1), id: z.string().min(1), file: z.string().min(1), found: z.string() })),
      warning_count: z.int().min(0),
    }),
    /** Bundles this release links (their bundle.json digests). */
    bundles: z.array(z.strictObject({ name: z.string().min(1), schema: z.string().min(1), sha256: sha256Schema() })),
  });
export type ReleaseBody = z.infer<ReturnType<typeof releaseBodySchema>>;

export const releaseEvidenceSchema = () => evidenceDocumentSchema(RELEASES_SCHEMA, releaseBodySchema());
export type ReleaseEvidence = z.infer<ReturnType<typeof releaseEvidenceSchema>>;
