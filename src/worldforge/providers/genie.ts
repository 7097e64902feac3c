/**
 * `genie`: a reservation, not an integration. Project Genie has no public automation API, so this
 * provider advertises nothing and every call fails closed with `unsupported_capability`. It holds
 * the name so nobody ships a surrogate under it.
 */
import { Provider, type CapabilityHandlers } from './base.ts';
import type { ProviderProfile } from './profile.ts';

export const genieProfile: ProviderProfile = {
  name: 'genie',
  capabilities: [],
  maturity: 'scaffold',
  runtime_ownership: 'none',
  deterministic: true,
  required_env_vars: [],
  description: 'Fail-closed reservation for Genie: no public automation API exists, so no capability is offered.',
};

export class GenieProvider extends Provider {
  readonly profile = genieProfile;
  protected readonly handlers: CapabilityHandlers = {};
}
