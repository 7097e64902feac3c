/**
 * Bridge failures: every way a host runtime can fail, each with its typed error code. Callers
 * branch on `code` (the public vocabulary in errors.ts); `failure` names the precise bridge-level
 * cause so tests, doctor and triage can tell a hang from a crash from a malformed tensor.
 */
import { ProviderError, type ProviderErrorCode } from '../errors.ts';

export const BRIDGE_FAILURES = {
  /** No runtime command configured. */
  missing_runtime_command: 'provider_not_configured',
  /** No model name configured. */
  missing_model_name: 'provider_not_configured',
  /** The command could not be spawned, exited before its hello, or spoke another protocol. */
  runtime_unreachable: 'runtime_unavailable',
  /** No hello, or no response to a request, within the timeout. */
  timeout: 'runtime_timeout',
  /** The runtime exited with a request in flight. */
  crashed: 'runtime_crashed',
  /** A line longer than the size cap. */
  oversized_message: 'runtime_output_too_large',
  /** A line that is not JSON or not a protocol message, or a response to an unknown id. */
  malformed_message: 'malformed_response',
  /** The runtime answered `{error: {type: "model_not_found"}}` or said its model is not loaded. */
  model_not_loaded: 'model_unavailable',
  /** The runtime answered with another error type. */
  runtime_error: 'provider_error',
  /** A tensor in the result is ragged (rows of different lengths). */
  ragged_tensor: 'invalid_provider_output',
  /** A tensor has fewer dimensions (or another layout) than the provider's contract needs. */
  bad_tensor_shape: 'invalid_provider_output',
  /** The number of scores differs from the number of candidates, or best_index is out of range. */
  candidate_count_mismatch: 'invalid_provider_output',
  /** A score or action value is NaN or ±Infinity. */
  non_finite_value: 'invalid_provider_output',
  /** The host's action translator refused the raw actions or returned something that is not actions. */
  translator_rejected: 'invalid_provider_output',
} as const satisfies Record<string, ProviderErrorCode>;
export type BridgeFailure = keyof typeof BRIDGE_FAILURES;

/** A typed provider error raised by the bridge or a bridge provider. */
export class BridgeError extends ProviderError {
  readonly failure: BridgeFailure;
  constructor(failure: BridgeFailure, message: string) {
    super(BRIDGE_FAILURES[failure], message);
    this.name = 'BridgeError';
    this.failure = failure;
  }
}

export const isBridgeError = (error: unknown): error is BridgeError => error instanceof BridgeError;
