/** selection-schema: selection records have the documented structure, an id equal to the file name and unique candidate ids. */
import { fieldProblem, type RecordProblem } from '../../records/problems.ts';
import type { LoadedRecord } from '../../records/load.ts';
import type { SelectionRecord } from '../../records/selection.ts';
import { ROUTES } from '../../site/routes.ts';
import { defineRule } from '../define-rule.ts';
import { pageKey } from '../quarantine.ts';
import { candidateRow, schemaFindingsByFile } from '../schema-finding.ts';
import type { FindingDraft } from '../finding.ts';

/** Candidate ids are cited by claims (`selection-records/<record>#<candidate>`), so each is used once. */
function duplicateCandidateIds(record: LoadedRecord<SelectionRecord>): RecordProblem[] {
  const seen = new Set<string>();
  return record.data.candidates.flatMap((candidate, i) => {
    const repeated = seen.has(candidate.id);
    seen.add(candidate.id);
    return repeated
      ? [
          fieldProblem(record, ['candidates', i, 'id'], {
            reason: `candidate id '${candidate.id}' is used twice`,
            expected: 'unique candidate ids',
            hint: 'rename one of the candidates; ids are cited by claims',
          }),
        ]
      : [];
  });
}

export default defineRule({
  id: 'selection-schema',
  title: 'Selection records are well formed',
  why: 'A cohort selection record is a decision others cite (claims reference `selection-records/<id>`). Every candidate carries the same facts — capability, upstream runtime, ownership, fixture strategy, smoke feasibility, licence risk — and a 0–2 score for every rubric criterion, so decisions can be compared. The total is computed from the scores, never typed, and the id equals the file name so citations stay stable.',
  fix: 'Fix the named field (`npx worldforge selection check <file>` prints the same problems with hints), or start from `npx worldforge selection new`.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] =>
    schemaFindingsByFile(
      [...records.problems.filter((p) => p.rule === 'selection-schema'), ...records.selection.flatMap(duplicateCandidateIds)],
      'a valid selection record',
      candidateRow,
    ).map((draft) => ({ ...draft, quarantine: [draft.file, pageKey(ROUTES.selection)] })),
});
