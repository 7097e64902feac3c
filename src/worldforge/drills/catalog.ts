/**
 * The operator drills, runnable: each definition (definitions.ts) paired with a `run` that
 * provokes its failure for real — through the adapters, the replay server, the budget gate, the
 * world store and the redaction gates — inside a throwaway workspace.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBudget } from '../benchmarks/gate.ts';
import { closeProvider } from '../bridge/suite.ts';
import type { BudgetEntry } from '../benchmarks/budget-schema.ts';
import { gateFile } from '../bundles/gate.ts';
import { isWorldForgeError } from '../errors.ts';
import { EventRecorder } from '../events.ts';
import { exchangesOf } from '../evidence/suite/replay.ts';
import { replayExchange } from '../kinds/exchanges/suite.ts';
import { runSinks } from '../observability/sinks.ts';
import { createProvider } from '../providers/catalog.ts';
import { findSecrets, unsafeValues } from '../redaction.ts';
import type { RunWorkspace } from '../runs/workspace.ts';
import { WORLD_SCHEMA } from '../world/schema.ts';
import { WorldStateError, WorldStore } from '../world/store.ts';
import { DRILL_DEFINITIONS, type DrillDefinition, type DrillId } from './definitions.ts';

export { DRILL_NOT_REPRODUCED_EXIT } from './definitions.ts';

/** What a drill run saw: the signal (a typed error code or gate verdict) and one line of detail. */
export interface DrillObservation {
  signal: string;
  detail: string;
}

/** What a drill may use: its own workspace folder and the run it records into. */
export interface DrillContext {
  /** The drill's workspace folder; nothing is written outside it. */
  workspace: string;
  run: RunWorkspace;
}

export interface Drill extends DrillDefinition {
  run(context: DrillContext): Promise<DrillObservation>;
}

const errorSignal = async (call: () => Promise<unknown>): Promise<DrillObservation> => {
  try {
    await call();
    return { signal: 'no-error', detail: 'the call succeeded' };
  } catch (error) {
    if (!isWorldForgeError(error)) throw error;
    return { signal: error.code, detail: `${error.code}: ${error.message}` };
  }
};

/** Replays one recorded exchange of `provider` on 127.0.0.1 through the real adapter. */
async function replayed(provider: string, failureMode: string, run: RunWorkspace): Promise<DrillObservation> {
  const exchange = exchangesOf(provider).find((e) => e.failure_mode === failureMode);
  if (!exchange) throw new Error(`no recorded ${provider} exchange for ${failureMode}`);
  const recorder = new EventRecorder();
  const result = await replayExchange(exchange, recorder);
  const sink = runSinks(run);
  for (const event of recorder.events) sink(event);
  run.writeInput('exchange.txt', `${exchange.path}\n`);
  return { signal: result.error_code ?? 'no-error', detail: result.observed };
}

const GENERATE_REQUEST = { prompt: 'a red cube slides across a table', duration_seconds: 5 };

/** A synthetic credential shape the secret scanner must catch; it is never a real key. */
const PLANTED_TOKEN = ['Bearer', `wfdrill${'0123456789abcdef'.repeat(2)}`].join(' ');
const PLANTED_URL = `https://cdn.example.test/clip.mp4?${['X-Amz', 'Signature'].join('-')}=0123456789abcdef`;

const RUNS: Record<DrillId, Drill['run']> = {
  'missing-credentials': async ({ run }) => {
    return errorSignal(() => createProvider('runway', { env: {}, events: runSinks(run) }).call('generate', GENERATE_REQUEST));
  },
  'missing-optional-runtime': async ({ run }) => {
    const provider = createProvider('jepa', {
      env: {},
      modelName: 'drill-model',
      launch: { argv: ['worldforge-drill-runtime-that-is-not-installed'] },
    });
    const request = { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 0]], [[1, 1]]] };
    run.writeInput('request.json', request);
    const observed = await errorSignal(() => provider.call('score', request));
    await closeProvider(provider);
    return observed;
  },
  'malformed-provider-output': ({ run }) => replayed('runway', 'malformed-response', run),
  'budget-violation': async ({ run }) => {
    const mock = createProvider('mock');
    const request = {
      world_state: { step: 0, objects: [{ id: 'cube', position: { x: 0, y: 0, z: 0 } }] },
      action: { kind: 'move_to', parameters: { target: { x: 1, y: 0, z: 0 } } },
      steps: 1,
    };
    let errors = 0;
    for (const r of [request, { ...request, steps: 0 }]) {
      const o = await errorSignal(() => mock.call('predict', r));
      if (o.signal !== 'no-error') errors += 1;
    }
    const entry: BudgetEntry = { provider: 'mock', operation: 'predict', max_error_count: 0, min_success_rate: 1 };
    // Counts gate as totals, with no confidence bound (gate.ts observationsOf does the same).
    const values = { success_rate: { observed: (2 - errors) / 2, bound: null }, error_count: { observed: errors, bound: null } };
    const checks = checkBudget([entry], [{ provider: 'mock', operation: 'predict', values }], ['success_rate', 'error_count']);
    run.writeResult('gate.json', { checks });
    const failed = checks.filter((c) => !c.passed);
    return failed.length
      ? {
          signal: 'budget_violated',
          detail: failed.map((c) => `${c.selector} ${c.metric} ${c.observed} (needs ${c.condition})`).join('; '),
        }
      : { signal: 'budget_passed', detail: 'every check passed' };
  },
  'corrupted-world-state': async ({ workspace }) => {
    const stateDir = join(workspace, 'worlds');
    const store = new WorldStore(stateDir);
    store.save({ schema: WORLD_SCHEMA, id: 'lab', name: 'lab', step: 0, objects: [], history: [] });
    const file = store.pathOf('lab');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    try {
      store.load('lab');
      return { signal: 'loaded', detail: 'the truncated world loaded' };
    } catch (error) {
      if (!(error instanceof WorldStateError)) throw error;
      return { signal: 'corrupted_world_state', detail: `${error.problems[0]?.field}: ${error.problems[0]?.reason}` };
    }
  },
  'expired-artifact': ({ run }) => replayed('runway', 'expired-artifact', run),
  'unsafe-event-metadata': async ({ run, workspace }) => {
    const metadata = { authorization: PLANTED_TOKEN, note: `download ${PLANTED_URL}` };
    run.appendEvent({ provider: 'mock', operation: 'predict', phase: 'success', metadata });
    const events = readFileSync(join(run.dir, 'events.jsonl'), 'utf8');
    const rawLog = join(workspace, 'host-events.jsonl');
    writeFileSync(rawLog, `${JSON.stringify({ provider: 'mock', metadata })}\n`);
    const verdict = gateFile('host-events.jsonl', readFileSync(rawLog));
    const scan = unsafeValues({ metadata });
    const leaks = [
      ...(findSecrets(events).length || events.includes('0123456789abcdef') ? ['events.jsonl kept a secret'] : []),
      ...(verdict.included || verdict.safe_to_attach ? ['the bundle gate let the raw log through'] : []),
      ...(scan.length < 2 ? ['the value scan missed a field'] : []),
    ];
    if (!existsSync(rawLog)) leaks.push('raw log missing');
    return leaks.length
      ? { signal: 'leaked', detail: leaks.join('; ') }
      : {
          signal: 'redaction_gate_refused',
          detail: `events.jsonl redacted; bundle gate: ${verdict.reason}; value scan flagged ${scan.map((u) => u.path).join(', ')}`,
        };
  },
};

export const DRILLS: readonly Drill[] = DRILL_DEFINITIONS.map((d) => ({ ...d, run: RUNS[d.id] }));

/** The drill with this id, or undefined. */
export const drillById = (id: string): Drill | undefined => DRILLS.find((d) => d.id === id);
