/**
 * The provider catalog: every provider WorldForge knows, in display order. Suites iterate it, the
 * README table and the site render it. Adding a provider here makes the conformance suite cover it.
 */
import type { EventSink } from '../events.ts';
import type { Provider } from './base.ts';
import { GenieProvider } from './genie.ts';
import { MockProvider } from './mock.ts';
import { providerProfileSchema, type ProviderProfile } from './profile.ts';

interface CatalogEntry {
  /** Source module, relative to the repository root; an input of the provider's evidence. */
  source: string;
  create: (options: { events?: EventSink }) => Provider;
}

export const CATALOG: Readonly<Record<string, CatalogEntry>> = {
  mock: { source: 'src/worldforge/providers/mock.ts', create: (o) => new MockProvider(o) },
  genie: { source: 'src/worldforge/providers/genie.ts', create: (o) => new GenieProvider(o) },
};

export const PROVIDER_NAMES = Object.keys(CATALOG);

export function createProvider(name: string, options: { events?: EventSink } = {}): Provider {
  const entry = CATALOG[name];
  if (!entry) throw new Error(`Unknown provider '${name}'. Known: ${PROVIDER_NAMES.join(', ')}`);
  return entry.create(options);
}

/** Profiles of every catalog provider, each validated against the profile schema. */
export function catalogProfiles(): ProviderProfile[] {
  return PROVIDER_NAMES.map((name) => providerProfileSchema().parse(createProvider(name).profile));
}
