/** Design records (`content/design-records/<id>.md`): authored decisions about boundaries and runtimes. */
import { designRecordSchema } from '../../records/design.ts';
import { DESIGN_DIR } from '../../records/load.ts';
import { designRecordPath } from '../../site/routes.ts';
import { defineAuthoredKind } from '../define.ts';
import { recordedDecision, unresolved } from '../resolution.ts';

export const kind = defineAuthoredKind({
  id: 'design-records',
  classes: ['deferred'],
  route: (id) => designRecordPath(id),
  // `design-records/<id>`: the record as a whole; records have no sub-entries.
  resolver:
    ({ records }) =>
    (subject, fragment) => {
      const record = records.design.find((r) => r.data.id === subject);
      if (!record) return unresolved(`${DESIGN_DIR}/${subject}.md`, `no design record '${subject}'`);
      if (fragment !== null) return unresolved(record.path, `design records have no sub-entries ('#${fragment}')`);
      return recordedDecision(record.path, `design record ${subject}`, record.data);
    },
  collection: { name: 'designRecords', base: `./${DESIGN_DIR}`, pattern: '*.md', schema: designRecordSchema },
});
