/** Fixture-suite evidence: one file per capability, one case per fixture, one check per target. */
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { FIXTURE_ORIGINS } from '../fixtures/schema.ts';
import { evidenceDocumentSchema } from './envelope.ts';

export const FIXTURES_SCHEMA = 'worldforge.evidence.fixtures@1';
const errorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const fixtureCheckSchema = () =>
  z.strictObject({
    /** `request-validation`, or `provider:<name>` for a catalog provider advertising the capability. */
    target: z.string().regex(/^(request-validation|provider:[a-z][a-z0-9-]*)$/),
    /** What happened, in words. */
    observed: z.string().min(1),
    /** Whether it matched the fixture's expectation. */
    status: z.enum(['passed', 'failed']),
    /** Typed error code observed, or null. */
    error_code: errorCode.nullable(),
    /** Digest of the provider result, or null. */
    result_digest: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .nullable(),
  });

export const fixtureCaseSchema = () =>
  z.strictObject({
    /** Fixture id, e.g. `generate.invalid-empty-prompt`. */
    fixture_id: z.string().min(1),
    /** Repository-relative path of the fixture file. */
    fixture_path: z.string().min(1),
    /** The fixture's one-sentence description. */
    description: z.string().min(1),
    /** The fixture's origin. */
    origin: z.enum(FIXTURE_ORIGINS),
    /** The expected outcome in words (`ok` or `error <code>`). */
    expected: z.string().min(1),
    /** Short, safe summary of the request (never raw bytes). */
    input_summary: z.string().min(1),
    /** Request validation first, then each advertising provider. */
    checks: z.array(fixtureCheckSchema()).min(1),
    /** Passed when every check passed. */
    status: z.enum(['passed', 'failed']),
  });
export type FixtureCase = z.infer<ReturnType<typeof fixtureCaseSchema>>;

export const fixturesBodySchema = () =>
  z.strictObject({
    /** Capability the corpus folder covers. */
    capability: z.enum(CAPABILITIES),
    /** Catalog providers that advertise it (each ran every fixture). */
    providers: z.array(z.string()),
    /** One case per fixture, sorted by fixture id. */
    cases: z.array(fixtureCaseSchema()),
  });

export const fixturesEvidenceSchema = () => evidenceDocumentSchema(FIXTURES_SCHEMA, fixturesBodySchema());
export type FixturesEvidence = z.infer<ReturnType<typeof fixturesEvidenceSchema>>;
