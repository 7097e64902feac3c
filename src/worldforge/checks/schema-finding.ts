/**
 * One finding per input that fails its schema: a file or row with several broken fields is one
 * problem to fix, reported once at its first problem, with every problem listed in the details.
 * Schema rules group their problems with `schemaFinding`, so one broken row never reads as a
 * dozen errors.
 */
import { byPosition, type Problem, problemFinding, problemLine } from '../problem.ts';
import type { FindingDraft } from './finding.ts';

/**
 * The one finding for `problems` of one input (sorted by position); `found` says how many more
 * there are. With `subject` (e.g. a claim id), the finding is about that subject and `found` names
 * the first problem's field; otherwise its id is that field, as for any problem.
 */
export function schemaFinding(
  problems: readonly Problem[],
  expected: string,
  extra: Partial<FindingDraft> & { subject?: string } = {},
): FindingDraft {
  const { subject, ...rest } = extra;
  const sorted = [...problems].sort(byPosition);
  const first = sorted[0]!;
  const draft = problemFinding(first, expected);
  const found = subject === undefined ? draft.found : `${first.field}: ${draft.found}`;
  const more = sorted.length - 1;
  return {
    ...draft,
    id: subject ?? draft.id,
    found: more ? `${found} (and ${more} more problem${more === 1 ? '' : 's'} here, listed below)` : found,
    details: more ? sorted.map((p) => [problemLine(p), p.hint ? `    hint: ${p.hint}` : null].filter(Boolean).join('\n')).join('\n') : null,
    ...rest,
  };
}

/**
 * One finding per input of `problems`, in file order: per file, or per row when `rowOf` names the
 * row a problem belongs to (e.g. a record's candidate), so two broken rows are two findings.
 */
export function schemaFindingsByFile(
  problems: readonly Problem[],
  expected: string,
  rowOf: (problem: Problem) => string | null = () => null,
): FindingDraft[] {
  const groups = new Map<string, Problem[]>();
  for (const p of [...problems].sort(byPosition)) {
    const key = `${p.file}\u0000${rowOf(p) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((group) => schemaFinding(group, expected));
}

/** The candidate a record problem belongs to (`candidates.3.scores` → `candidates.3`), or null for the record's own fields. */
export const candidateRow = (problem: Problem): string | null => /^candidates\.\d+/.exec(problem.field)?.[0] ?? null;
