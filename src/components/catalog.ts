/**
 * Derives what the site shows from conformance evidence entries. Pure functions over the parsed
 * evidence (typed by the shared schema), so the pages never re-interpret the JSON on their own.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CAPABILITIES, type Capability } from '../worldforge/capabilities/index.ts';
import type { ConformanceEvidence, RuntimeSummary } from '../worldforge/kinds/conformance/schema.ts';
import { PROVIDER_NAMES } from '../worldforge/providers/catalog.ts';
import { liveSmokePath, providerCasePath, providerExchangesPath } from '../worldforge/site/routes.ts';

export type ConformanceEntry = CollectionEntry<'conformance'>;

/** Status of one capability of one provider, as the catalog shows it. */
export type CellStatus = 'passed' | 'failed' | 'fails-closed' | 'missing';

export const CELL_LABELS: Record<CellStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  'fails-closed': 'fails closed',
  missing: 'no evidence',
};

/**
 * - advertised: `failed` if any case of the capability failed, `passed` if its `<cap>/call` case
 *   passed, else `missing` (an advertised capability without a call case is not backed);
 * - not advertised: `fails-closed` if its `<cap>/fails-closed` case passed, `failed` if any case
 *   failed, else `missing`.
 */
export function capabilityStatus(evidence: ConformanceEvidence, capability: Capability): CellStatus {
  const cases = evidence.body.cases.filter((c) => c.capability === capability);
  if (cases.some((c) => c.status === 'failed')) return 'failed';
  const advertised = evidence.body.profile.capabilities.includes(capability);
  const wanted = advertised ? `${capability}/call` : `${capability}/fails-closed`;
  const found = cases.find((c) => c.id === wanted);
  if (!found) return 'missing';
  return advertised ? 'passed' : 'fails-closed';
}

/** Where a capability's cases are on its provider page: their group, or the case table when it has none. */
export const capabilityCasesHref = (evidence: ConformanceEvidence, capability: Capability) =>
  providerCasePath(evidence.body.provider, evidence.body.cases.some((c) => c.capability === capability) ? capability : 'cases');

export function capabilityCells(evidence: ConformanceEvidence) {
  return CAPABILITIES.map((capability) => ({
    capability,
    status: capabilityStatus(evidence, capability),
    href: capabilityCasesHref(evidence, capability),
  }));
}

/** The first triage step for a typed error, as the provider's conformance evidence records it. */
export const triageOf = (runtime: RuntimeSummary, code: string | null) =>
  runtime.triage.find((t) => t.error_code === code) ?? runtime.default_triage;

/** Catalog order (mock first, the reference provider); providers the catalog does not know last, alphabetically. */
export function compareProviders(a: string, b: string): number {
  if (a === b) return 0;
  const rank = (name: string) => {
    const i = PROVIDER_NAMES.indexOf(name);
    return i === -1 ? PROVIDER_NAMES.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : 1);
}

/** All conformance entries, in catalog order; throws if two files claim the same provider. */
export async function conformanceEntries(): Promise<ConformanceEntry[]> {
  const entries = await getCollection('conformance');
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const provider = entry.data.body.provider;
    const other = seen.get(provider);
    if (other !== undefined) {
      throw new Error(`conformance evidence: provider '${provider}' appears in both ${other} and ${entry.filePath ?? entry.id}`);
    }
    seen.set(provider, entry.filePath ?? entry.id);
    if (entry.data.body.profile.name !== provider) {
      throw new Error(
        `conformance evidence ${entry.filePath ?? entry.id}: body.provider '${provider}' differs from body.profile.name '${entry.data.body.profile.name}'`,
      );
    }
  }
  return entries.sort((a, b) => compareProviders(a.data.body.provider, b.data.body.provider));
}

export type LiveSmokeCollectionEntry = CollectionEntry<'liveSmoke'>;

/** Live-smoke entries sorted by provider (catalog order) then capability. */
export async function liveSmokeEntries(): Promise<LiveSmokeCollectionEntry[]> {
  const entries = await getCollection('liveSmoke');
  return entries.sort(
    (a, b) =>
      compareProviders(a.data.provider, b.data.provider) ||
      CAPABILITIES.indexOf(a.data.capability) - CAPABILITIES.indexOf(b.data.capability),
  );
}

/** The exchanges evidence of a provider, or undefined when it has none (in-process providers). */
export async function exchangesFor(provider: string): Promise<CollectionEntry<'exchanges'> | undefined> {
  return (await getCollection('exchanges')).find((e) => e.data.body.provider === provider);
}

/** One way a provider's evidence was obtained, for the catalog's "how obtained" column. */
export interface EvidenceMethod {
  method: 'checkout' | 'recorded-replay' | 'live-smoke';
  text: string;
  href: string;
}

/**
 * How a provider's evidence was obtained: conformance in a checkout (in-process, no runtime),
 * recorded upstream exchanges replayed on loopback, and each live-smoke run with its outcome and
 * date (a typed skip says so: it is not a pass).
 */
export async function evidenceMethods(entry: ConformanceEntry): Promise<EvidenceMethod[]> {
  const { body, runtime_manifest } = entry.data;
  const provider = body.provider;
  const methods: EvidenceMethod[] = [];
  // Conformance always runs in a checkout: in-process, through the adapter against loopback
  // replays, or (bridge providers, no recorded exchanges) without the provider's own runtime.
  const exchanges = await exchangesFor(provider);
  const inProcess = runtime_manifest === null && body.runtime === null;
  const where = inProcess ? 'in-process' : exchanges ? 'on loopback' : 'without the provider runtime';
  methods.push({ method: 'checkout', text: `checkout: ${body.cases.length} cases ${where}`, href: providerCasePath(provider, 'cases') });
  if (exchanges) {
    const n = exchanges.data.body.cases.length;
    methods.push({
      method: 'recorded-replay',
      text: `recorded replay: ${n} exchange${n === 1 ? '' : 's'}`,
      href: providerExchangesPath(provider),
    });
  }
  for (const smoke of (await liveSmokeEntries()).filter((e) => e.data.provider === provider)) {
    const { capability, status, date } = smoke.data;
    methods.push({
      method: 'live-smoke',
      text: `live smoke ${capability}: ${status.replaceAll('_', ' ')} (${date})`,
      href: liveSmokePath(provider, capability),
    });
  }
  return methods;
}
