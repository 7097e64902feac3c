/**
 * Recorded bridge exchanges: `fixtures/bridge/<provider>/<failure-mode>.json`. Each file is one
 * capability call against the fake runtime, told how to misbehave, with the outcome the provider
 * must produce: a schema-valid result, or a typed error code and bridge failure. They are the
 * bridge's counterpart of the HTTP exchanges in `fixtures/providers/` (which a loopback server
 * replays); here the "recording" is a fake-runtime switch, so every failure mode replays through
 * the real subprocess path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FixtureCorpusError } from '../fixtures/load.ts';
import type { Problem } from '../problem.ts';
import { capabilitySchema, errorCodeSchema, providerIdSchema } from '../schema/primitives.ts';
import { zodIssues } from '../validation.ts';
import { BRIDGE_FAILURES, type BridgeFailure } from './errors.ts';
import { FAKE_MISBEHAVIOURS } from './fake.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

export const BRIDGE_EXCHANGE_SCHEMA = 'worldforge.bridge-exchange@1';
export const BRIDGE_EXCHANGES_DIR = 'fixtures/bridge';

/** What an exchange exercises: a fake-runtime misbehaviour, a missing prerequisite, or success. */
export const BRIDGE_FAILURE_MODES = ['success', 'missing-runtime-command', 'missing-model-name', ...FAKE_MISBEHAVIOURS] as const;

export const bridgeExchangeSchema = () =>
  z
    .strictObject({
      schema: z.literal(BRIDGE_EXCHANGE_SCHEMA),
      /** `<provider>.<failure-mode>`, matching folder and file name. */
      id: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/),
      provider: providerIdSchema(),
      capability: capabilitySchema(),
      failure_mode: z.enum(BRIDGE_FAILURE_MODES),
      description: z.string().min(10),
      /** The capability request. */
      request: z.json(),
      expect: z.discriminatedUnion('ok', [
        z.strictObject({ ok: z.literal(true) }),
        z.strictObject({
          ok: z.literal(false),
          error: errorCodeSchema(),
          failure: z.enum(Object.keys(BRIDGE_FAILURES) as [BridgeFailure, ...BridgeFailure[]]),
        }),
      ]),
    })
    .refine((e) => !e.expect.ok || e.failure_mode === 'success', { message: 'only success exchanges expect ok', path: ['expect'] })
    .refine((e) => e.expect.ok || BRIDGE_FAILURES[e.expect.failure] === e.expect.error, {
      message: 'expect.error must be the code of expect.failure (see src/worldforge/bridge/errors.ts)',
      path: ['expect', 'error'],
    });
export type BridgeExchange = z.infer<ReturnType<typeof bridgeExchangeSchema>> & { path: string };

/** Every exchange of `provider` under `root`, in file-name order; throws with every problem. */
export function loadBridgeExchanges(root: string, provider: string): BridgeExchange[] {
  const folder = `${BRIDGE_EXCHANGES_DIR}/${provider}`;
  const files = readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const problems: Problem[] = [];
  const exchanges: BridgeExchange[] = [];
  for (const file of files) {
    const path = `${folder}/${file}`;
    let json: unknown;
    try {
      json = strictJsonValue(readFileSync(join(root, path), 'utf8'), path);
    } catch (error) {
      problems.push({ file: path, field: '(root)', reason: jsonFailure(error) });
      continue;
    }
    const parsed = bridgeExchangeSchema().safeParse(json);
    if (!parsed.success) {
      problems.push(...zodIssues(parsed.error, json).map((i) => ({ file: path, field: i.path, reason: i.message })));
      continue;
    }
    const expectedId = `${provider}.${file.replace(/\.json$/, '')}`;
    if (parsed.data.id !== expectedId || parsed.data.provider !== provider) {
      problems.push({ file: path, field: 'id', reason: `expected '${expectedId}' (folder + file name), found '${parsed.data.id}'` });
      continue;
    }
    exchanges.push({ ...parsed.data, path });
  }
  if (problems.length) throw new FixtureCorpusError(problems, 'The recorded bridge exchanges are invalid');
  return exchanges;
}
