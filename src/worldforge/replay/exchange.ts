/**
 * Recorded provider exchanges: `fixtures/providers/<provider>/<failure-mode>.json`. Each file is
 * one capability call against a remote API, as the scripted HTTP interactions a loopback replay
 * server answers with, plus the outcome the adapter must produce. They are shaped like the
 * documented upstream API (origin `synthetic`) or scrubbed recordings (origin `captured`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { FIXTURE_ORIGINS } from '../fixtures/schema.ts';
import { formatIssues, zodIssues } from '../validation.ts';

export const EXCHANGE_SCHEMA = 'worldforge.exchange@1';
const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Failure modes every remote media adapter is recorded against (plus `success`). */
export const FAILURE_MODES = [
  'success',
  'task-failed',
  'task-timeout',
  'expired-artifact',
  'unsupported-artifact',
  'unsupported-media-type',
  'malformed-response',
  'retry-exhaustion',
  'auth-failure',
] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

/** One scripted HTTP response, matched by method and URL path (never by query). */
export const interactionSchema = () =>
  z
    .strictObject({
      /** HTTP method of the request this answers. */
      method: z.enum(['GET', 'POST', 'DELETE']),
      /** URL path of the request (no query); `{{origin}}` is not allowed here. */
      path: z.string().regex(/^\/[^?#]*$/, { message: 'must be a URL path without query or fragment' }),
      /** Status code to answer with. */
      status: z.int().min(100).max(599),
      /** Response headers (lower-case names). */
      headers: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string()).default({}),
      /** JSON body; every `{{origin}}` inside strings becomes the server's origin. */
      json: z.json().optional(),
      /** Raw body as base64 (media artifacts). */
      body_base64: z.string().optional(),
      /** Plain text body. */
      text: z.string().optional(),
    })
    .refine((i) => [i.json, i.body_base64, i.text].filter((b) => b !== undefined).length <= 1, {
      message: 'at most one of json, body_base64, text',
    });
export type Interaction = z.infer<ReturnType<typeof interactionSchema>>;

export const exchangeSchema = () =>
  z.strictObject({
    /** Always `worldforge.exchange@1`. */
    schema: z.literal(EXCHANGE_SCHEMA),
    /** `<provider>.<failure-mode>`; must match the file's folder and name. */
    id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/),
    /** Provider the exchange belongs to. */
    provider: z.string().min(1),
    /** Capability called. */
    capability: z.enum(CAPABILITIES),
    /** What the exchange exercises. */
    failure_mode: z.enum(FAILURE_MODES),
    /** One sentence on what happens upstream. */
    description: z.string().min(10),
    /** `synthetic`: shaped like the documented API; `captured`: a scrubbed recording. */
    origin: z.enum(FIXTURE_ORIGINS),
    /** The capability request (fixture encodings `$base64`/`$number` allowed). */
    request: z.json(),
    /** The outcome the adapter must produce. */
    expect: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true) }),
      z.strictObject({ ok: z.literal(false), error: z.enum(errorCodes) }),
    ]),
    /** Scripted responses. Same method+path entries form a queue answered in order, then repeated. */
    interactions: z.array(interactionSchema()).min(1),
  });
export type Exchange = z.infer<ReturnType<typeof exchangeSchema>>;

export class ExchangeError extends Error {}

/** Loads and validates every exchange of a provider, sorted by file name. Throws with file/field/reason. */
export function loadExchanges(root: string, provider: string): (Exchange & { path: string })[] {
  const dir = join(root, 'fixtures', 'providers', provider);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = `fixtures/providers/${provider}/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new ExchangeError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = exchangeSchema().safeParse(raw);
    if (!parsed.success)
      throw new ExchangeError(
        `${path}: invalid exchange\n${formatIssues(zodIssues(parsed.error, raw))}\nhint: see fixtures/README.md (recorded exchanges)`,
      );
    const expectedId = `${provider}.${name.replace(/\.json$/, '')}`;
    if (parsed.data.id !== expectedId || parsed.data.provider !== provider) {
      throw new ExchangeError(
        `${path}: id must be '${expectedId}' and provider '${provider}' (found id '${parsed.data.id}', provider '${parsed.data.provider}')`,
      );
    }
    return { ...parsed.data, path };
  });
}
