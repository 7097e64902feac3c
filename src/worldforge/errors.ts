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

/** The provider could not satisfy a valid request. */
export class ProviderError extends WorldForgeError {
  constructor(code: 'provider_error' | 'provider_not_configured' | 'invalid_provider_output', message: string, issues: readonly Issue[] = []) {
    super(code, message, issues);
    this.name = 'ProviderError';
  }
}

export function isWorldForgeError(error: unknown): error is WorldForgeError {
  return error instanceof WorldForgeError;
}
