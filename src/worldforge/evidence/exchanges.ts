/**
 * Provider-exchange evidence: one file per remote provider, one case per recorded exchange in
 * `fixtures/providers/<provider>/`. Each case replays the exchange on loopback and records whether
 * the adapter produced the expected outcome — a schema-valid result, or the typed error of the
 * failure mode — plus the requests it made (method and path only).
 */
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { FAILURE_MODES } from '../replay/exchange.ts';
import { evidenceDocumentSchema } from './envelope.ts';

export const EXCHANGES_SCHEMA = 'worldforge.evidence.exchanges@1';

const errorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const exchangeCaseSchema = () =>
  z.strictObject({
    /** Exchange id, `<provider>.<file name>`. */
    exchange_id: z.string().min(1),
    /** Repository path of the exchange file. */
    exchange_path: z.string().regex(/^fixtures\/providers\/[a-z0-9-]+\/[a-z0-9-]+\.json$/),
    /** Capability called. */
    capability: z.enum(CAPABILITIES),
    /** The failure mode the exchange records. */
    failure_mode: z.enum(FAILURE_MODES),
    /** What happens upstream. */
    description: z.string().min(1),
    /** `ok` or `error <code>`. */
    expected: z.string().min(1),
    /** What the adapter did (redacted text). */
    observed: z.string().min(1),
    /** Whether observed matched expected. */
    status: z.enum(['passed', 'failed']),
    /** Typed error code observed, or null on success. */
    error_code: errorCode.nullable(),
    /** Digest of the result (frames summarized), or null. */
    result_digest: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .nullable(),
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
    provider: z.string().min(1),
    /** Runtime manifest whose API the exchanges are shaped after. */
    runtime_manifest: z.string().min(1),
    /** One case per exchange file, in file-name order. */
    cases: z.array(exchangeCaseSchema()).min(1),
  });

export const exchangesEvidenceSchema = () => evidenceDocumentSchema(EXCHANGES_SCHEMA, exchangesBodySchema());
export type ExchangesEvidence = z.infer<ReturnType<typeof exchangesEvidenceSchema>>;
