/**
 * Recorded provider exchanges: `fixtures/providers/<provider>/<failure-mode>.json`. Each file is
 * one capability call against a remote API, as the scripted HTTP interactions a loopback replay
 * server answers with, plus the outcome the adapter must produce. They are shaped like the
 * documented upstream API (origin `synthetic`) or scrubbed recordings (origin `captured`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readFileEntries } from '../evidence/read.ts';
import { FixtureCorpusError } from '../fixtures/load.ts';
import { FIXTURE_ORIGINS } from '../fixtures/schema.ts';
import type { Problem } from '../problem.ts';
import { capabilitySchema, errorCodeSchema, providerIdSchema } from '../schema/primitives.ts';
import { parseJsonStrict } from '../strict-json.ts';
import { zodIssues } from '../validation.ts';

export const EXCHANGE_SCHEMA = 'worldforge.exchange@1';

/** Repository folder of the recorded exchanges: one subfolder per provider. */
export const EXCHANGES_DIR = 'fixtures/providers';

/** Repository path of one recorded exchange file (`name` includes `.json`). */
export const exchangeFilePath = (provider: string, name: string) => `${EXCHANGES_DIR}/${provider}/${name}`;

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
    provider: providerIdSchema(),
    /** Capability called. */
    capability: capabilitySchema(),
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
      z.strictObject({ ok: z.literal(false), error: errorCodeSchema() }),
    ]),
    /** Scripted responses. Same method+path entries form a queue answered in order, then repeated. */
    interactions: z.array(interactionSchema()).min(1),
  });
export type Exchange = z.infer<ReturnType<typeof exchangeSchema>>;

/**
 * Recorded exchanges are invalid. A recorded exchange is part of the fixture corpus (it lives under
 * fixtures/), so this is a `FixtureCorpusError`: the CLI reports it the same way (exit 2, nothing
 * written) and the check turns each problem into an `exchange-schema` finding.
 */
export class ExchangeError extends FixtureCorpusError {
  constructor(problems: readonly Problem[]) {
    super(problems, 'The recorded exchanges are invalid');
    this.name = 'ExchangeError';
  }
}

/** Parses one exchange file of `provider`; returns the exchange or its problems (tagged `exchange-schema`). */
export function parseExchange(
  provider: string,
  path: string,
  text: string,
): { exchange?: Exchange & { path: string }; problems: Problem[] } {
  const problem = (field: string, reason: string): Problem => ({ file: path, field, reason, rule: 'exchange-schema' });
  const strict = parseJsonStrict(text, path);
  if (!strict.ok) return { problems: [{ ...strict.problem, rule: 'exchange-schema' }] };
  const raw = strict.value;
  const parsed = exchangeSchema().safeParse(raw);
  if (!parsed.success) return { problems: zodIssues(parsed.error, raw).map((issue) => problem(issue.path, issue.message)) };
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.json$/, '');
  const expectedId = `${provider}.${name}`;
  const problems: Problem[] = [];
  if (parsed.data.id !== expectedId)
    problems.push(problem('id', `expected '${expectedId}' (provider + file name), found '${parsed.data.id}'`));
  if (parsed.data.provider !== provider)
    problems.push(problem('provider', `expected '${provider}' (the folder), found '${parsed.data.provider}'`));
  return problems.length ? { problems } : { exchange: { ...parsed.data, path }, problems };
}

/**
 * Loads and validates every exchange of a provider, sorted by file name. Throws an `ExchangeError`
 * listing every problem of every file (file, field, reason) when any file is invalid.
 */
export function loadExchanges(root: string, provider: string): (Exchange & { path: string })[] {
  const { files, refused } = readFileEntries(join(root, EXCHANGES_DIR, provider), '.json');
  const exchanges: (Exchange & { path: string })[] = [];
  const problems: Problem[] = refused.map(({ name, reason }) => ({
    file: exchangeFilePath(provider, name),
    field: '(file)',
    reason,
    rule: 'exchange-schema',
  }));
  for (const { name, text } of files) {
    const result = parseExchange(provider, exchangeFilePath(provider, name), text);
    problems.push(...result.problems);
    if (result.exchange) exchanges.push(result.exchange);
  }
  if (problems.length) throw new ExchangeError(problems);
  return exchanges;
}

/** Providers with a folder of recorded exchanges, sorted (whether or not the catalog replays them). */
export function recordedProviderFolders(root: string): string[] {
  try {
    return readdirSync(join(root, EXCHANGES_DIR), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}
