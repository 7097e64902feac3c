/**
 * The operator drills as data: what fails, the signal that proves it was detected, the recovery
 * command and the exit code `drills run` documents. Pure data (no provider, file or process
 * imports) so the CLI, the docs page and the tests read the same list; `catalog.ts` pairs each
 * definition with the code that provokes its failure.
 */

/** Where the real failure happens; every drill here runs in a plain checkout (mock, fixtures, loopback). */
export const DRILL_PATHS = ['checkout-safe', 'prepared-host'] as const;

export interface DrillDefinition {
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
  path: (typeof DRILL_PATHS)[number];
  description: string;
}

/** `drills run` exits 3 when a drill did NOT observe its signal: a gate that should fail did not. */
export const DRILL_NOT_REPRODUCED_EXIT = 3;

export const DRILL_DEFINITIONS = [
  {
    id: 'missing-credentials',
    title: 'Missing credentials',
    failure_mode: 'A remote provider (runway) is called on a host where RUNWAYML_API_SECRET is not set.',
    expected_signal: 'provider_not_configured',
    recovery_command: 'export RUNWAYML_API_SECRET=<key>, then: npx worldforge doctor',
    exit_code: 1,
    path: 'checkout-safe',
    description: 'Builds the runway adapter with an empty environment and calls generate; it must refuse before any request.',
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
  },
] as const satisfies readonly DrillDefinition[];

export type DrillId = (typeof DRILL_DEFINITIONS)[number]['id'];
