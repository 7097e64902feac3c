/** Selection records (`content/selection-records/<id>.md`): which provider candidates a cohort pursues. */
import { SELECTION_DIR } from '../../records/load.ts';
import { selectionRecordSchema } from '../../records/selection.ts';
import { selectionPath } from '../../site/routes.ts';
import { defineAuthoredKind } from '../define.ts';
import { recordedDecision, unresolved } from '../resolution.ts';

export const kind = defineAuthoredKind({
  id: 'selection-records',
  classes: ['deferred'],
  route: (id, candidate) => selectionPath(id, candidate),
  // `selection-records/<id>` is the record; `#<candidate>` one candidate and its decision.
  resolver:
    ({ records }) =>
    (subject, fragment) => {
      const record = records.selection.find((r) => r.data.id === subject);
      if (!record) return unresolved(`${SELECTION_DIR}/${subject}.md`, `no selection record '${subject}'`);
      if (fragment === null) {
        return {
          found: true,
          status: 'recorded',
          source: record.path,
          checkoutSafe: false,
          deferral: null,
          detail: `selection record ${subject}`,
        };
      }
      const candidate = record.data.candidates.find((c) => c.id === fragment);
      if (!candidate) return unresolved(record.path, `selection record ${subject} has no candidate '${fragment}'`);
      return recordedDecision(record.path, `candidate ${subject}#${fragment}`, candidate);
    },
  collection: { name: 'selectionRecords', base: `./${SELECTION_DIR}`, pattern: '*.md', schema: selectionRecordSchema },
});
