/**
 * The installable package's entry (`import … from 'worldforge'`): the provider layer adapter
 * authors build on — capability contracts, typed errors, the `Provider` base and profile schema,
 * the mock reference provider, the built-in catalog, external provider registration through
 * `worldforge.config.json`, the contract check and the redaction helpers. The evidence pipeline,
 * the check and the site are not part of it.
 */
export {
  CAPABILITIES,
  type Capability,
  type CapabilityInput,
  type CapabilityRequest,
  type CapabilityResult,
  capabilityContracts,
  isCapability,
} from '../capabilities/index.ts';
export {
  ERROR_CODES,
  type ErrorCode,
  InvalidInputError,
  isWorldForgeError,
  ProviderError,
  UnsupportedCapabilityError,
  WorldForgeError,
} from '../errors.ts';
export { type CapabilityHandlers, Provider } from '../providers/base.ts';
export { MATURITIES, type ProviderProfile, providerProfileSchema, RUNTIME_OWNERSHIPS } from '../providers/profile.ts';
export { MockProvider, mockProfile } from '../providers/mock.ts';
export { catalogProfiles, createProvider, PROVIDER_NAMES } from '../providers/catalog.ts';
export {
  CONFIG_FILE,
  EXTERNAL_SKIP_REASONS,
  type ExternalProviderDiagnostic,
  type ExternalProviders,
  type ExternalSkipReason,
  loadExternalProviders,
} from '../providers/external.ts';
export { type ContractReport, checkProviderContract } from './contract.ts';
export { findSecrets, redactText } from '../redaction.ts';
