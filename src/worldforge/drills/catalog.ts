/**
 * The operator drills: seven failures an operator should rehearse before meeting them for real.
 * Each drill is data (what fails, the signal that proves it, the recovery command, the exit code
 * `drills run` documents) plus a `run` that provokes the failure for real — through the adapters,
 * the replay server, the budget gate, the world store and the redaction gates — inside a throwaway
 * workspace. The CLI, the docs page and the tests all read this one list.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBudget, observationsOf } from '../benchmarks/gate.ts';
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

/** Who can run a drill: every drill here runs in a plain checkout (mock, fixtures, loopback). */
export const DRILL_PATHS = ['checkout-safe', 'prepared-host'] as const;

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

export interface Drill {
  id: string;
  title: string;
  /** What goes wrong, in operator terms. */
  failure_mode: string;
  /** The signal that proves the failure was detected (error code or gate verdict). */
  expected_signal: string;
  /** What an operator runs (or does) to recover. */
  recovery_command: string;
  /** Exit code of `drills run <id>` when the expected signal is observed (the failing command's code). */
  exit_code: 1 | 2;
  /** Where the real failure happens. */
  path: (typeof DRILL_PATHS)[number];
  description: string;
  run(context: DrillContext): Promise<DrillObservation>;
}

/** `drills run` exits 3 when a drill did NOT observe its signal: a gate that should fail did not. */
export const DRILL_NOT_REPRODUCED_EXIT = 3;

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

export const DRILLS: readonly Drill[] = [
  {
    id: 'missing-credentials',
    title: 'Missing credentials',
    failure_mode: 'A remote provider (runway) is called on a host where RUNWAYML_API_SECRET is not set.',
    expected_signal: 'provider_not_configured',
    recovery_command: 'export RUNWAYML_API_SECRET=<key>, then: npx worldforge doctor',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Builds the runway adapter with an empty environment and calls generate; it must refuse before any request.',
    run: async ({ run }) => {
      return errorSignal(() => createProvider('runway', { env: {}, events: runSinks(run) }).call('generate', GENERATE_REQUEST));
    },
  },
  {
    id: 'missing-optional-runtime',
    title: 'Missing optional runtime',
    failure_mode: 'A bridge provider (jepa) is configured, but its host runtime command does not exist on this host.',
    expected_signal: 'runtime_unavailable',
    recovery_command: 'install the host runtime, set JEPA_RUNTIME_COMMAND to it, then: npx worldforge doctor',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Points the jepa bridge at a runtime command that is not installed and calls score; the bridge must report it typed.',
    run: async ({ run }) => {
      const provider = createProvider('jepa', {
        env: {},
        modelName: 'drill-model',
        launch: { argv: ['worldforge-drill-runtime-that-is-not-installed'] },
      });
      const request = { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 0]], [[1, 1]]] };
      run.writeInput('request.json', request);
      const observed = await errorSignal(() => provider.call('score', request));
      await (provider as { close?: () => Promise<void> }).close?.();
      return observed;
    },
  },
  {
    id: 'malformed-provider-output',
    title: 'Malformed provider output',
    failure_mode: 'The upstream answers 200 with a body that is not the documented shape.',
    expected_signal: 'malformed_response',
    recovery_command: 'npx worldforge runs bundle <run-id>  (attach the bundle to a provider issue; retrying will not help)',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Replays the recorded runway malformed-response exchange on 127.0.0.1 through the real adapter.',
    run: ({ run }) => replayed('runway', 'malformed-response', run),
  },
  {
    id: 'budget-violation',
    title: 'Budget violation',
    failure_mode: 'A benchmark result breaks its budget (an error where the budget allows none).',
    expected_signal: 'budget_violated',
    recovery_command:
      'npx worldforge benchmark --preset <preset> --budget <file>  (fix the regression; loosen only with budgets apply and a rationale)',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Calls the mock with one valid and one invalid predict request and gates the outcome against a zero-error budget.',
    run: async ({ run }) => {
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
      const values = observationsOf({ success_rate: (2 - errors) / 2, error_count: errors, retry_count: 0 } as never);
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
  },
  {
    id: 'corrupted-world-state',
    title: 'Corrupted world state',
    failure_mode: 'A persisted world file was truncated (a crash or a bad copy), so it is not valid JSON.',
    expected_signal: 'corrupted_world_state',
    recovery_command: 'npx worldforge world preflight --state-dir <dir>, then: npx worldforge world recover --state-dir <dir>',
    exit_code: 2,
    path: 'checkout-safe',
    description: 'Writes a truncated world file into the drill workspace and loads it through the world store.',
    run: async ({ workspace }) => {
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
  },
  {
    id: 'expired-artifact',
    title: 'Expired artifact',
    failure_mode: 'The signed output URL of a finished task answers 403 before WorldForge downloads it.',
    expected_signal: 'artifact_expired',
    recovery_command: 'npx worldforge runs rerun <run-id> --exec  (a new task gives a fresh URL; download promptly)',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Replays the recorded runway expired-artifact exchange on 127.0.0.1 through the real adapter.',
    run: ({ run }) => replayed('runway', 'expired-artifact', run),
  },
  {
    id: 'unsafe-event-metadata',
    title: 'Unsafe event metadata',
    failure_mode: 'A host attaches a bearer token and a signed URL to provider event metadata.',
    expected_signal: 'redaction_gate_refused',
    recovery_command: 'remove credentials from event metadata at the source; then: npx worldforge runs bundle <run-id>',
    exit_code: 2,
    path: 'checkout-safe',
    description:
      'Sends a planted token and signed URL through the run event writer (must redact) and a raw host log through the bundle gate and the value scan (must refuse); any leak fails the drill.',
    run: async ({ run, workspace }) => {
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
  },
];

/** The drill with this id, or undefined. */
export const drillById = (id: string): Drill | undefined => DRILLS.find((d) => d.id === id);
