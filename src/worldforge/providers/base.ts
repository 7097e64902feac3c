/**
 * The provider base: every capability call goes through `call`, which fails closed. A capability
 * the profile does not advertise throws `UnsupportedCapabilityError` before anything else runs; a
 * request that breaks its schema throws `InvalidInputError`; a result that breaks its schema is a
 * provider bug and throws `ProviderError('invalid_provider_output')` instead of reaching a caller.
 */
import {
  capabilityContracts,
  isCapability,
  type Capability,
  type CapabilityRequest,
  type CapabilityResult,
} from '../capabilities/index.ts';
import { InvalidInputError, ProviderError, UnsupportedCapabilityError, WorldForgeError } from '../errors.ts';
import type { EventSink } from '../events.ts';
import { redactText } from '../redaction.ts';
import { zodIssues } from '../validation.ts';
import type { ProviderProfile } from './profile.ts';

export type CapabilityHandlers = {
  [C in Capability]?: (request: CapabilityRequest<C>) => Promise<CapabilityResult<C>> | CapabilityResult<C>;
};

export abstract class Provider {
  abstract readonly profile: ProviderProfile;
  /** Implementations, keyed by capability. Only advertised ones are ever reached. */
  protected abstract readonly handlers: CapabilityHandlers;
  readonly #sink: EventSink | undefined;

  constructor(options: { events?: EventSink } = {}) {
    this.#sink = options.events;
  }

  get name(): string {
    return this.profile.name;
  }

  /** True when the profile advertises the capability. */
  supports(capability: Capability): boolean {
    return this.profile.capabilities.includes(capability);
  }

  async call<C extends Capability>(capability: C, request: unknown): Promise<CapabilityResult<C>> {
    try {
      const result = await this.#dispatch(capability, request);
      this.#sink?.({ provider: this.name, operation: capability, phase: 'success' });
      return result;
    } catch (error) {
      const typed =
        error instanceof WorldForgeError
          ? error
          : new ProviderError(
              'provider_error',
              `Provider '${this.name}' failed during ${String(capability)}: ${redactText(String(error))}`,
            );
      this.#sink?.({ provider: this.name, operation: String(capability), phase: 'failure', error_code: typed.code });
      throw typed;
    }
  }

  async #dispatch<C extends Capability>(capability: C, request: unknown): Promise<CapabilityResult<C>> {
    if (!isCapability(capability)) {
      throw new InvalidInputError(`Unknown capability '${String(capability)}'.`);
    }
    if (!this.supports(capability)) throw new UnsupportedCapabilityError(this.name, capability);
    const handler = this.handlers[capability] as
      | ((r: CapabilityRequest<C>) => Promise<CapabilityResult<C>> | CapabilityResult<C>)
      | undefined;
    if (!handler) {
      throw new ProviderError('provider_error', `Provider '${this.name}' advertises '${capability}' but has no implementation.`);
    }
    const contract = capabilityContracts[capability];
    const parsed = contract.request.safeParse(request);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error, request);
      throw new InvalidInputError(`Invalid ${capability} request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    }
    const raw = await handler(parsed.data as CapabilityRequest<C>);
    const checked = contract.result.safeParse(raw);
    if (!checked.success) {
      const issues = zodIssues(checked.error, raw);
      throw new ProviderError(
        'invalid_provider_output',
        `Provider '${this.name}' returned an invalid ${capability} result: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    return checked.data as CapabilityResult<C>;
  }
}
