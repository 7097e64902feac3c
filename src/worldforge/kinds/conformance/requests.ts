/**
 * The conformance suite's requests come from the shared fixture corpus rather than inline
 * payloads: per capability, the first `valid-*` and the first `invalid-*` fixture (by file name).
 */
import { CAPABILITIES, type Capability } from '../../capabilities/index.ts';
import { repoFixtureCorpus } from '../../evidence/suite/inputs.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import { fixturesFor, type LoadedFixture } from '../../fixtures/load.ts';
import { decodeRequest } from '../../fixtures/schema.ts';
import { once } from '../../once.ts';

/** This module: the requests it picks are inputs of conformance evidence. */
export const REQUESTS_SOURCE = sourceOf(import.meta.url);

export interface ConformanceRequests {
  valid: unknown;
  invalid: unknown;
  /** Fixture ids and descriptions, quoted in case expectations. */
  validFixture: LoadedFixture;
  invalidFixture: LoadedFixture;
}

export function conformanceRequestsFrom(corpus: readonly LoadedFixture[]): Record<Capability, ConformanceRequests> {
  const entries = CAPABILITIES.map((capability) => {
    const fixtures = fixturesFor(corpus, capability);
    const validFixture = fixtures.find((f) => f.expect.ok);
    const invalidFixture = fixtures.find((f) => !f.expect.ok);
    if (!validFixture || !invalidFixture) {
      throw new Error(`fixtures/capabilities/${capability}: the conformance suite needs at least one valid-* and one invalid-* fixture`);
    }
    return [
      capability,
      { valid: decodeRequest(validFixture.request), invalid: decodeRequest(invalidFixture.request), validFixture, invalidFixture },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<Capability, ConformanceRequests>;
}

/** The requests for the corpus in this checkout. */
export const conformanceRequests = once(() => conformanceRequestsFrom(repoFixtureCorpus()));
