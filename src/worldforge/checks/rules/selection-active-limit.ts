/** selection-active-limit: a selection record has at most MAX_ACTIVE active candidates. */
import { byPosition, problemFinding } from '../../problem.ts';
import { fieldProblem } from '../../records/problems.ts';
import { MAX_ACTIVE } from '../../records/rubric.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'selection-active-limit',
  title: 'At most 3 active candidates per selection record',
  why: 'A cohort is a focus. With more than three active candidates none of them gets the fixtures, smoke runs and docs a promotion needs.',
  fix: 'Keep at most 3 candidates `active`; make the others `rfc`, or `deferred` with a blocker and a revisit trigger.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] =>
    records.selection
      .flatMap((record) => {
        const active = record.data.candidates.flatMap((c, i) => (c.decision === 'active' ? [{ c, i }] : []));
        return active.slice(MAX_ACTIVE).map(({ c, i }) =>
          fieldProblem(record, ['candidates', i, 'decision'], {
            reason: `'${c.id}' is active candidate ${active.findIndex((a) => a.i === i) + 1} of ${active.length} (${active.map((a) => a.c.id).join(', ')})`,
            expected: `at most ${MAX_ACTIVE} active candidates per record`,
            hint: `choose ${MAX_ACTIVE} to pursue now; make the others rfc, or deferred with a blocker and a revisit trigger`,
          }),
        );
      })
      .sort(byPosition)
      .map((p) => problemFinding(p, `at most ${MAX_ACTIVE} active candidates per record`)),
});
