/**
 * Provider-exchange evidence: one file per remote provider, one case per recorded exchange in
 * `fixtures/providers/<provider>/`. Each case replays the exchange on loopback and records whether
 * the adapter produced the expected outcome — a schema-valid result, or the typed error of the
 * failure mode — plus the requests it made (method and path only).
 */
import { z } from 'zod';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { FAILURE_MODES } from '../../replay/exchange.ts';
import {
  capabilitySchema,
  caseStatusSchema,
  errorCodeSchema,
  providerIdSchema,
  runtimeManifestIdSchema,
  sha256Schema,
} from '../../schema/primitives.ts';

export const EXCHANGES_SCHEMA = 'worldforge.evidence.exchanges@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const EXCHANGES_KIND = { id: 'exchanges', schemaName: EXCHANGES_SCHEMA } as const;

export const exchangeCaseSchema = () =>
  z.strictObject({
    /** Exchange id, `<provider>.<file name>`. */
    exchange_id: z.string().min(1),
    /** Repository path of the exchange file. */
    exchange_path: z.string().regex(/^fixtures\/providers\/[a-z0-9-]+\/[a-z0-9-]+\.json$/),
    /** Capability called. */
    capability: capabilitySchema(),
    /** The failure mode the exchange records. */
    failure_mode: z.enum(FAILURE_MODES),
    /** What happens upstream. */
    description: z.string().min(1),
    /** `ok` or `error <code>`. */
    expected: z.string().min(1),
    /** What the adapter did (redacted text). */
    observed: z.string().min(1),
    /** Whether observed matched expected. */
    status: caseStatusSchema(),
    /** Typed error code observed, or null on success. */
    error_code: errorCodeSchema().nullable(),
    /** Digest of the result (frames summarized), or null. */
    result_digest: sha256Schema().nullable(),
    /** Requests the adapter made, as `METHOD /path` (queries and headers are never kept). */
    requests: z.array(z.string().regex(/^(GET|POST|DELETE) \/[^?#\s]*$/)),
    /** Whether every API request (`/v1/…`) carried a bearer token (its value is never kept). */
    authenticated: z.boolean(),
    /** Whether an artifact download carried the API key (it must not: artifact hosts are not the API). */
    key_sent_to_artifact_host: z.boolean(),
  });
export type ExchangeCase = z.infer<ReturnType<typeof exchangeCaseSchema>>;

export const exchangesBodySchema = () =>
  z.strictObject({
    /** Provider id. */
    provider: providerIdSchema(),
    /** Runtime manifest whose API the exchanges are shaped after. */
    runtime_manifest: runtimeManifestIdSchema(),
    /** One case per exchange file, in file-name order. */
    cases: z.array(exchangeCaseSchema()).min(1),
  });

export const exchangesEvidenceSchema = () => evidenceDocumentSchema(EXCHANGES_SCHEMA, exchangesBodySchema());
export type ExchangesEvidence = z.infer<ReturnType<typeof exchangesEvidenceSchema>>;
