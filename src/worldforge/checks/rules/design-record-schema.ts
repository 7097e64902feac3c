/** design-record-schema: design records have the documented structure, an id equal to the file name, and a complete deferral or artifact boundary. */
import { isConcrete } from '../../records/common.ts';
import { fieldProblem, type RecordProblem } from '../../records/problems.ts';
import type { DesignRecord } from '../../records/design.ts';
import type { LoadedRecord } from '../../records/load.ts';
import { designRecordPath, ROUTES } from '../../site/routes.ts';
import { defineRule } from '../define-rule.ts';
import { pageKey } from '../quarantine.ts';
import { candidateRow, schemaFindingsByFile } from '../schema-finding.ts';

/** A broken design record file, its page and its entry on the design records index. */
const designKeys = (file: string) => {
  const id = file.split('/').at(-1)!.replace(/\.md$/, '');
  return [file, pageKey(designRecordPath(id)), pageKey(ROUTES.designRecords)];
};
import type { FindingDraft } from '../finding.ts';

/** The rules across fields of one design record. */
function designProblems(record: LoadedRecord<DesignRecord>): RecordProblem[] {
  const { data } = record;
  const problems: RecordProblem[] = [];
  if (data.decision === 'deferred') {
    for (const field of ['blocker', 'revisit_trigger'] as const) {
      if (!isConcrete(data[field])) {
        problems.push(
          fieldProblem(record, [field], {
            reason: `a deferred decision needs a concrete ${field.replace('_', ' ')}`,
            expected: `a concrete ${field} (≥ 20 characters)`,
            hint:
              field === 'blocker'
                ? 'add `blocker:` naming what is missing'
                : 'add `revisit_trigger:` naming the event that reopens the decision',
          }),
        );
      }
    }
  }
  if (data.kind === 'artifact-boundary' && !data.capability_mapping) {
    problems.push(
      fieldProblem(record, ['capability_mapping'], {
        reason: 'an artifact boundary must say which capability it maps to and whether that is deferred',
        expected: 'capability_mapping: {capability, status, reason}',
        hint: 'add `capability_mapping:` with `status: deferred` until a provider returns the artifact',
      }),
    );
  }
  const names = data.candidates.map((c) => c.name);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) {
      problems.push(
        fieldProblem(record, ['candidates', i, 'name'], {
          reason: `candidate '${name}' is listed twice`,
          expected: 'unique candidate names',
          hint: 'merge the two entries',
        }),
      );
    }
  });
  return problems;
}

export default defineRule({
  id: 'design-record-schema',
  title: 'Design records are well formed',
  why: 'Design records (`design-records/<id>`) back claims about boundaries and deferred runtimes. Each needs its decision, date and what the host owns; a deferral needs a concrete blocker and revisit trigger; an artifact boundary must say which capability it maps to and whether that is deferred.',
  fix: 'Fix the named field of the design record; its id must equal the file name.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] =>
    schemaFindingsByFile(
      [...records.problems.filter((p) => p.rule === 'design-record-schema'), ...records.design.flatMap(designProblems)],
      'a valid design record',
      candidateRow,
    ).map((draft) => ({ ...draft, quarantine: designKeys(draft.file) })),
});
