/**
 * Runtime-manifest pieces every bridge provider shares: the smoke spec's shape (the runtime command
 * is the prerequisite; without it the smoke is a typed `skipped_missing_runtime`), the smoke
 * request builders for score and policy, and the first triage step for each bridge failure.
 */
import type { ErrorCode } from '../errors.ts';
import type { SmokeRequest, SmokeSpec } from '../providers/smoke-spec.ts';

/** Observation/goal context and two candidates, the same shapes as the score fixture corpus. */
export const SMOKE_SCORE_REQUEST = {
  info: { observation: [0, 0], goal: [1, 1] },
  action_candidates: [[[0, 1]], [[1, 0]], [[0.5, 0.5]]],
} as const;

/** An observation with joint positions and a two-step horizon. */
export const SMOKE_POLICY_REQUEST = { info: { observation: { joint_positions: [0, 0.1] } }, action_horizon: 2 } as const;

export const BRIDGE_SMOKE_REQUESTS = {
  score: { capability: 'score', needsInputVideo: false, build: () => structuredClone(SMOKE_SCORE_REQUEST) },
  policy: { capability: 'policy', needsInputVideo: false, build: () => structuredClone(SMOKE_POLICY_REQUEST) },
} as const satisfies Record<string, SmokeRequest>;

/** A bridge provider's smoke spec: skipped (missing runtime) until its runtime command is set. */
export function bridgeSmokeSpec(commandVar: string, modelVar: string, request: SmokeRequest): SmokeSpec {
  return {
    requires: 'endpoint',
    baseUrlVar: commandVar,
    remedy: `Set it to the host command that speaks the worldforge-bridge protocol (see host-recipes/), set ${modelVar}, and re-run.`,
    requests: [request],
  };
}

/** The first triage step for each typed error a bridge provider can raise. */
export function bridgeTriage(
  provider: string,
  vars: { commandVar: string; modelVar: string },
): { error_code: ErrorCode; command: string; note: string }[] {
  const doctor = `npx worldforge doctor ${provider}`;
  return [
    {
      error_code: 'provider_not_configured',
      command: doctor,
      note: `Names which of ${vars.modelVar} and ${vars.commandVar} is missing (names only, never values).`,
    },
    {
      error_code: 'runtime_unavailable',
      command: `sh -c "$${vars.commandVar}" </dev/null | head -n 1`,
      note: 'The command did not start or its first line is not a worldforge-bridge v1 hello; run it by hand and read stderr.',
    },
    {
      error_code: 'runtime_timeout',
      command: doctor,
      note: 'No hello or response within the timeout: model loading too slow, a deadlock, or a runtime waiting on input; it was killed.',
    },
    {
      error_code: 'runtime_crashed',
      command: doctor,
      note: 'The runtime exited with a request in flight (out of memory, a Python exception); its last stderr line is in the message.',
    },
    {
      error_code: 'runtime_output_too_large',
      command: doctor,
      note: 'A response line exceeded the 1 MiB cap: return shapes and costs, not images or tensors of activations.',
    },
    {
      error_code: 'malformed_response',
      command: doctor,
      note: 'The runtime wrote a non-JSON line or a message outside the protocol (prints to stdout belong on stderr).',
    },
    {
      error_code: 'model_unavailable',
      command: doctor,
      note: `The runtime could not load the model named by ${vars.modelVar}, or serves another one; check the checkpoint on the host.`,
    },
    {
      error_code: 'invalid_provider_output',
      command: `npx vitest run tests/unit/bridge-providers.test.ts`,
      note: 'Ragged or low-rank tensors, a score count that differs from the candidate count, or NaN: the message names which.',
    },
    {
      error_code: 'provider_error',
      command: doctor,
      note: 'The runtime answered {error: {type, message}}; the type and message are quoted.',
    },
  ];
}
