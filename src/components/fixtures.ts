/**
 * Derives what the fixture pages show from fixture-suite evidence (`evidence/fixtures/<capability>.json`,
 * validated by the shared schema).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CAPABILITIES } from '../worldforge/capabilities/index.ts';
import type { FixtureCase, FixturesEvidence } from '../worldforge/kinds/fixtures/schema.ts';
import { assertUniqueKeys } from './entries.ts';

export type FixturesEntry = CollectionEntry<'fixtures'>;

/** Fixture evidence in canonical capability order; throws if two files claim one capability. */
export async function fixturesEntries(): Promise<FixturesEntry[]> {
  const entries = assertUniqueKeys(await getCollection('fixtures'), 'fixtures', 'body.capability', (e) => e.data.body.capability);
  return entries.sort((a, b) => CAPABILITIES.indexOf(a.data.body.capability) - CAPABILITIES.indexOf(b.data.body.capability));
}

/**
 * What a fixture expects, read from the case's `expected` text (`ok` or `error <code>`):
 * `success` for valid fixtures, `rejection` (with the typed code) for invalid ones, `other` if the
 * generator ever words it differently (the page then shows the raw text).
 */
export type ExpectedOutcome = { kind: 'success'; code: null } | { kind: 'rejection'; code: string } | { kind: 'other'; code: null };

export function expectedOutcome(c: Pick<FixtureCase, 'expected'>): ExpectedOutcome {
  if (c.expected === 'ok') return { kind: 'success', code: null };
  const match = /^error ([a-z_]+)$/.exec(c.expected);
  if (match) return { kind: 'rejection', code: match[1]! };
  return { kind: 'other', code: null };
}

export const OUTCOME_LABELS: Record<ExpectedOutcome['kind'], string> = {
  success: 'expected success',
  rejection: 'expected rejection',
  other: 'expected',
};

/** Counts shown on the index: valid (expected success) and invalid (expected rejection) fixtures. */
export function fixtureCounts(evidence: FixturesEvidence) {
  const outcomes = evidence.body.cases.map(expectedOutcome);
  return {
    total: evidence.body.cases.length,
    valid: outcomes.filter((o) => o.kind === 'success').length,
    invalid: outcomes.filter((o) => o.kind === 'rejection').length,
    passed: evidence.body.cases.filter((c) => c.status === 'passed').length,
  };
}
