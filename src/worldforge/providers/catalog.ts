/**
 * The provider catalog: every provider WorldForge knows, in display order. Suites iterate it, the
 * README table and the site render it. Adding a provider here makes the conformance suite cover it.
 */
import type { BridgeProviderOptions } from '../bridge/provider.ts';
import type { Provider } from './base.ts';
import { CosmosProvider, cosmosOperations, cosmosRuntimeManifest } from './cosmos.ts';
import { GenieProvider } from './genie.ts';
import { JepaProvider, jepaOperations, jepaRuntimeManifest } from './jepa.ts';
import { LeRobotProvider, lerobotOperations, lerobotRuntimeManifest } from './lerobot.ts';
import { LeWorldModelProvider, leworldmodelOperations, leworldmodelRuntimeManifest } from './leworldmodel.ts';
import { MockProvider } from './mock.ts';
import type { ProviderOperations } from './operations.ts';
import { providerProfileSchema, type ProviderProfile } from './profile.ts';
import type { RemoteProviderOptions } from './remote.ts';
import { RunwayProvider, runwayOperations, runwayRuntimeManifest } from './runway.ts';
import type { RuntimeManifest } from './runtime-manifest.ts';

/** What `create` receives: remote options, plus the runtime launch and model of bridge providers. */
export type ProviderOptions = RemoteProviderOptions &
  Pick<BridgeProviderOptions, 'launch' | 'modelName' | 'device' | 'bridge' | 'translator'>;

interface CatalogEntry {
  /** Source modules, relative to the repository root; inputs of the provider's evidence. */
  sources: readonly string[];
  /**
   * Builds the provider. In-process providers ignore the remote options; remote ones take base URL
   * and key from them (the suites pass a loopback replay server and a fake key) or from the env.
   */
  create: (options: ProviderOptions) => Provider;
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
  /**
   * Providers behind the runtime bridge are exercised in a checkout through the deterministic
   * fake runtime (`src/worldforge/bridge/fake-runtime.mjs`), a real subprocess.
   */
  bridge?: boolean;
}

const REMOTE_SOURCES = ['src/worldforge/providers/http.ts', 'src/worldforge/providers/remote.ts'];
const BRIDGE_SOURCES = [
  'src/worldforge/bridge/client.ts',
  'src/worldforge/bridge/protocol.ts',
  'src/worldforge/bridge/provider.ts',
  'src/worldforge/bridge/tensors.ts',
  'src/worldforge/bridge/manifest.ts',
];

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
  leworldmodel: {
    sources: ['src/worldforge/providers/leworldmodel.ts', ...BRIDGE_SOURCES],
    create: (o) => new LeWorldModelProvider(o),
    runtime: leworldmodelRuntimeManifest,
    operations: leworldmodelOperations,
    replay: false,
    bridge: true,
  },
  lerobot: {
    sources: ['src/worldforge/providers/lerobot.ts', 'src/worldforge/bridge/translator.ts', ...BRIDGE_SOURCES],
    create: (o) => new LeRobotProvider(o),
    runtime: lerobotRuntimeManifest,
    operations: lerobotOperations,
    replay: false,
    bridge: true,
  },
  jepa: {
    sources: ['src/worldforge/providers/jepa.ts', ...BRIDGE_SOURCES],
    create: (o) => new JepaProvider(o),
    runtime: jepaRuntimeManifest,
    operations: jepaOperations,
    replay: false,
    bridge: true,
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

export function createProvider(name: string, options: ProviderOptions = {}): Provider {
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
