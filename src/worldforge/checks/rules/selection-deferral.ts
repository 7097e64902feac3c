/** selection-deferral: every deferred candidate names a concrete blocker and revisit trigger. */
import { byPosition, problemFinding } from '../../problem.ts';
import { isConcrete } from '../../records/common.ts';
import { fieldProblem, type RecordProblem } from '../../records/problems.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'selection-deferral',
  title: 'Every deferral names a blocker and a revisit trigger',
  why: 'A deferral without a concrete blocker cannot be challenged, and one without a revisit trigger is never reopened. Placeholders such as TBD do not count.',
  fix: 'Add `blocker:` (what is missing now) and `revisit_trigger:` (the observable event that reopens it) to the deferred candidate.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] =>
    records.selection
      .flatMap((record) =>
        record.data.candidates.flatMap((c, i) => {
          if (c.decision !== 'deferred') return [];
          const problems: RecordProblem[] = [];
          if (!isConcrete(c.blocker)) {
            problems.push(
              fieldProblem(record, ['candidates', i, 'blocker'], {
                reason:
                  c.blocker === undefined
                    ? `deferred candidate '${c.id}' has no blocker`
                    : `blocker of '${c.id}' is a placeholder: ${JSON.stringify(c.blocker)}`,
                expected: 'a concrete blocker (≥ 20 characters) for a deferred candidate',
                hint: 'add `blocker:` naming what is missing upstream or on the host, e.g. "no public automation API or SDK"',
              }),
            );
          }
          if (!isConcrete(c.revisit_trigger)) {
            problems.push(
              fieldProblem(record, ['candidates', i, 'revisit_trigger'], {
                reason:
                  c.revisit_trigger === undefined
                    ? `deferred candidate '${c.id}' has no revisit trigger`
                    : `revisit_trigger of '${c.id}' is a placeholder: ${JSON.stringify(c.revisit_trigger)}`,
                expected: 'a concrete revisit trigger (≥ 20 characters) for a deferred candidate',
                hint: 'add `revisit_trigger:` naming the observable event that reopens the decision, e.g. "a documented public API with auth and artifact schema"',
              }),
            );
          }
          return problems;
        }),
      )
      .sort(byPosition)
      .map((p) => problemFinding(p, 'a concrete blocker and revisit trigger for a deferred candidate')),
});
