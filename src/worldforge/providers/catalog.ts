/**
 * The provider catalog: every provider WorldForge knows, in display order. Suites iterate it, the
 * README table and the site render it. Adding a provider here makes the conformance suite cover it.
 */
import type { Provider } from './base.ts';
import { CosmosProvider, cosmosOperations, cosmosRuntimeManifest } from './cosmos.ts';
import { GenieProvider } from './genie.ts';
import { MockProvider } from './mock.ts';
import type { ProviderOperations } from './operations.ts';
import { providerProfileSchema, type ProviderProfile } from './profile.ts';
import type { RemoteProviderOptions } from './remote.ts';
import { RunwayProvider, runwayOperations, runwayRuntimeManifest } from './runway.ts';
import type { RuntimeManifest } from './runtime-manifest.ts';

interface CatalogEntry {
  /** Source modules, relative to the repository root; inputs of the provider's evidence. */
  sources: readonly string[];
  /**
   * Builds the provider. In-process providers ignore the remote options; remote ones take base URL
   * and key from them (the suites pass a loopback replay server and a fake key) or from the env.
   */
  create: (options: RemoteProviderOptions) => Provider;
  /** Runtime manifest for providers that are not checkout-safe, else null. */
  runtime: RuntimeManifest | null;
  /**
   * Env vars and smoke spec of a provider that is not checkout-safe (with a runtime manifest), else
   * null. `worldforge smoke` offers a subcommand for each provider that declares them.
   */
  operations: ProviderOperations | null;
  /**
   * Remote providers are exercised in a checkout against their recorded exchanges
   * (`fixtures/providers/<name>/`) replayed on loopback; in-process ones need nothing.
   */
  replay: boolean;
}

const REMOTE_SOURCES = ['src/worldforge/providers/http.ts', 'src/worldforge/providers/remote.ts'];

/** Upstream's catalog order, restricted to the providers that exist here. */
export const CATALOG: Readonly<Record<string, CatalogEntry>> = {
  mock: {
    sources: ['src/worldforge/providers/mock.ts'],
    create: (o) => new MockProvider(o),
    runtime: null,
    operations: null,
    replay: false,
  },
  cosmos: {
    sources: ['src/worldforge/providers/cosmos.ts', ...REMOTE_SOURCES],
    create: (o) => new CosmosProvider(o),
    runtime: cosmosRuntimeManifest,
    operations: cosmosOperations,
    replay: true,
  },
  runway: {
    sources: ['src/worldforge/providers/runway.ts', 'src/worldforge/providers/runway-client.ts', ...REMOTE_SOURCES],
    create: (o) => new RunwayProvider(o),
    runtime: runwayRuntimeManifest,
    operations: runwayOperations,
    replay: true,
  },
  genie: {
    sources: ['src/worldforge/providers/genie.ts'],
    create: (o) => new GenieProvider(o),
    runtime: null,
    operations: null,
    replay: false,
  },
};

export const PROVIDER_NAMES = Object.keys(CATALOG);

export function createProvider(name: string, options: RemoteProviderOptions = {}): Provider {
  const entry = CATALOG[name];
  if (!entry) throw new Error(`Unknown provider '${name}'. Known: ${PROVIDER_NAMES.join(', ')}`);
  return entry.create(options);
}

/** Profiles of every catalog provider, each validated against the profile schema. */
export function catalogProfiles(): ProviderProfile[] {
  return PROVIDER_NAMES.map((name) => providerProfileSchema().parse(createProvider(name).profile));
}

/** Catalog providers that declare operations (a smoke spec), in catalog order. */
export const SMOKE_PROVIDER_NAMES = PROVIDER_NAMES.filter((name) => CATALOG[name]!.operations);

/** The operations of a provider that declares them; throws for any other name. */
export function operationsOf(name: string): ProviderOperations {
  const operations = CATALOG[name]?.operations;
  if (!operations) throw new Error(`Provider '${name}' declares no operations. Smokable: ${SMOKE_PROVIDER_NAMES.join(', ')}`);
  return operations;
}

/** Every env var any catalog provider (or its vendor SDK) reads: what tests clear from the shell. */
export function providerEnvVarNames(): string[] {
  return [...new Set(SMOKE_PROVIDER_NAMES.flatMap((name) => operationsOf(name).env.map((v) => v.name)))];
}
