/**
 * Derives what the evaluation pages show from evaluation evidence (`evidence/evaluation/<suite>.json`,
 * validated by the shared schema).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { EVALUATION_SUITES } from '../worldforge/evaluation/suites/index.ts';
import type { ScenarioResult } from '../worldforge/kinds/evaluation/schema.ts';
import { assertUniqueKeys } from './entries.ts';

export type EvaluationEntry = CollectionEntry<'evaluation'>;

/** Display order: the built-in suites' order, then any other suite alphabetically. */
const SUITE_ORDER: readonly string[] = EVALUATION_SUITES.map((suite) => suite.id);
const suiteRank = (suite: string) => {
  const i = SUITE_ORDER.indexOf(suite);
  return i === -1 ? SUITE_ORDER.length : i;
};

/** Evaluation evidence in suite order; throws if two files claim one suite. */
export async function evaluationEntries(): Promise<EvaluationEntry[]> {
  const entries = assertUniqueKeys(await getCollection('evaluation'), 'evaluation', 'body.suite', (e) => e.data.body.suite);
  return entries.sort((a, b) => {
    const [x, y] = [a.data.body.suite, b.data.body.suite];
    return suiteRank(x) - suiteRank(y) || (x < y ? -1 : x > y ? 1 : 0);
  });
}

/**
 * Section ids the suite page uses itself; a scenario id equal to one of them would give two
 * elements the same anchor, so the page refuses to build instead.
 */
export const SUITE_PAGE_SECTIONS = ['summary', 'provenance', 'inputs', 'scenarios', 'regenerate'] as const;

/** Up to 4 decimals, without trailing zeros: 0.6666666 → 0.6667, 640 → 640. */
export const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4))));
export const formatPercent = (fraction: number) => `${Number((fraction * 100).toFixed(1))}%`;

/** What the reader should take from a scenario outcome, given its expectation. */
export type ScenarioVerdict = 'passed' | 'known-failure' | 'failed' | 'expectation-outdated';

export function scenarioVerdict(s: Pick<ScenarioResult, 'expectation' | 'passed'>): ScenarioVerdict {
  if (s.expectation === 'known-failure') return s.passed ? 'expectation-outdated' : 'known-failure';
  return s.passed ? 'passed' : 'failed';
}

export const VERDICT_LABELS: Record<ScenarioVerdict, string> = {
  passed: 'passed',
  'known-failure': 'failed as expected',
  failed: 'failed',
  'expectation-outdated': 'passed, but expected to fail',
};
