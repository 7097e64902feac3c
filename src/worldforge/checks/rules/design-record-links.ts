/** design-record-links: the `selection:` reference and the body links of a design record resolve. */
import { byPosition, problemFinding } from '../../problem.ts';
import { linkProblems } from '../../records/links.ts';
import { SELECTION_DIR } from '../../records/load.ts';
import { fieldProblem, type RecordProblem } from '../../records/problems.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'design-record-links',
  title: 'Design record links and selection references resolve',
  why: 'A design record that points at a missing selection candidate or page sends readers (and claims) nowhere.',
  fix: 'Correct the `selection:` reference (`<record>#<candidate>`) or the link the finding names.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] => {
    const { selection } = records.known;
    return records.design
      .flatMap((record): RecordProblem[] => {
        const problems: RecordProblem[] = [];
        const ref = record.data.selection;
        if (ref) {
          const [recordId, candidateId] = ref.split('#');
          const target = selection.find((s) => s.id === recordId);
          if (!target?.candidates.some((c) => c.id === candidateId)) {
            problems.push({
              ...fieldProblem(record, ['selection'], {
                reason: target ? `record '${recordId}' has no candidate '${candidateId}'` : `no selection record '${recordId}'`,
                expected: 'an existing <selection record>#<candidate>',
                hint: `selection records: ${selection.map((s) => s.id).join(', ') || 'none'}`,
              }),
              depends: [`${SELECTION_DIR}/${recordId}.md`],
            });
          }
        }
        return [...problems, ...linkProblems(record.path, record.links, records.routes)];
      })
      .sort(byPosition)
      .map((p) => ({ ...problemFinding(p, 'links that resolve'), depends: p.depends }));
  },
});
