/**
 * Typed errors with stable codes. Callers branch on `code`, never on message text. Three
 * families: the caller sent something invalid, the provider failed, or the capability is not
 * offered at all. Codes are part of the public contract and appear in evidence.
 */
export const ERROR_CODES = {
  /** The caller's request broke the capability's request schema. */
  invalid_input: 'caller',
  /** The provider does not advertise this capability; it fails closed. */
  unsupported_capability: 'unsupported',
  /** The provider is missing configuration (env var, endpoint). */
  provider_not_configured: 'provider',
  /** The provider returned something that breaks the result schema. */
  invalid_provider_output: 'provider',
  /** The provider (or its upstream) failed to satisfy a valid request. */
  provider_error: 'provider',
  /** The upstream refused the credentials (HTTP 401, or 403 on an API call). */
  auth_failed: 'provider',
  /** The upstream accepted the task, then reported it FAILED or CANCELLED. */
  task_failed: 'provider',
  /** A task never reached a terminal status within the bounded number of polls. */
  upstream_timeout: 'provider',
  /** A read (health, poll, download) got a retryable status or connection error on every attempt. */
  retry_exhausted: 'provider',
  /** The upstream answered with something that is not the documented shape (bad JSON, missing fields). */
  malformed_response: 'provider',
  /** A generated artifact's URL answered 403/404: it expired or was never retained upstream. */
  artifact_expired: 'provider',
  /** The upstream returned an artifact the adapter does not fetch (e.g. a URL instead of inline media). */
  unsupported_artifact: 'provider',
  /** The artifact's content type (or container signature) is not a video type the adapter accepts. */
  unsupported_media_type: 'provider',
  /** The artifact is larger than the adapter's size cap. */
  artifact_too_large: 'provider',
  /** The artifact URL is unsafe to fetch (credentials in the URL, non-http scheme, local target). */
  unsafe_artifact_url: 'provider',
  /** A host runtime could not be started or said no hello (bad command, exited at once, wrong protocol). */
  runtime_unavailable: 'provider',
  /** A host runtime did not answer within the bridge's timeout (hello or request); it was killed. */
  runtime_timeout: 'provider',
  /** A host runtime exited while a request was in flight. */
  runtime_crashed: 'provider',
  /** A host runtime sent a message larger than the bridge's size cap; it was killed. */
  runtime_output_too_large: 'provider',
  /** The host runtime is up but its model or checkpoint is missing or failed to load. */
  model_unavailable: 'provider',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorFamily = (typeof ERROR_CODES)[ErrorCode];

export interface Issue {
  /** Dotted path of the offending field, `''` for the whole value. */
  path: string;
  message: string;
}

export class WorldForgeError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'WorldForgeError';
    this.code = code;
    this.issues = issues;
  }
  get family(): ErrorFamily {
    return ERROR_CODES[this.code];
  }
}

/** Caller input failed validation. */
export class InvalidInputError extends WorldForgeError {
  constructor(message: string, issues: readonly Issue[] = []) {
    super('invalid_input', message, issues);
    this.name = 'InvalidInputError';
  }
}

/** The provider does not advertise the requested capability. */
export class UnsupportedCapabilityError extends WorldForgeError {
  constructor(provider: string, capability: string) {
    super('unsupported_capability', `Provider '${provider}' does not advertise '${capability}'; it fails closed.`);
    this.name = 'UnsupportedCapabilityError';
  }
}

/** Codes of the provider family: the provider or its upstream failed a valid request. */
export type ProviderErrorCode = { [K in ErrorCode]: (typeof ERROR_CODES)[K] extends 'provider' ? K : never }[ErrorCode];

/** The provider could not satisfy a valid request. */
export class ProviderError extends WorldForgeError {
  declare readonly code: ProviderErrorCode;
  constructor(code: ProviderErrorCode, message: string, issues: readonly Issue[] = []) {
    super(code, message, issues);
    this.name = 'ProviderError';
  }
}

export function isWorldForgeError(error: unknown): error is WorldForgeError {
  return error instanceof WorldForgeError;
}
