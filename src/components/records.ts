/**
 * Selection and design record entries for the pages, and the derived numbers they show. Totals and
 * bands are computed with the same functions the check uses (src/worldforge/records/rubric.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { bandOf, scoreTotal } from '../worldforge/records/rubric.ts';
import type { SelectionCandidate } from '../worldforge/records/selection.ts';

export type SelectionEntry = CollectionEntry<'selectionRecords'>;
export type DesignEntry = CollectionEntry<'designRecords'>;

/** Newest decision first, then by id. */
const newestFirst = (a: { data: { decision_date: string; id: string } }, b: { data: { decision_date: string; id: string } }) =>
  b.data.decision_date.localeCompare(a.data.decision_date) || a.data.id.localeCompare(b.data.id);

export async function selectionEntries(): Promise<SelectionEntry[]> {
  return (await getCollection('selectionRecords')).sort(newestFirst);
}

export async function designEntries(): Promise<DesignEntry[]> {
  return (await getCollection('designRecords')).sort(newestFirst);
}

/** Design records governing a provider (the provider page links them). */
export async function designRecordsFor(provider: string): Promise<DesignEntry[]> {
  return (await designEntries()).filter((entry) => entry.data.providers.includes(provider));
}

export function candidateScore(candidate: SelectionCandidate) {
  const total = scoreTotal(candidate.scores);
  const band = bandOf(total);
  return { total, band, overridden: candidate.decision !== band.decision };
}
