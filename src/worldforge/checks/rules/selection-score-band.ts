/** selection-score-band: each decision agrees with the band of its computed score, or says why not. */
import { byPosition, problemFinding } from '../../problem.ts';
import { fieldProblem, type RecordProblem } from '../../records/problems.ts';
import { bandOf, MAX_SCORE, scoreTotal } from '../../records/rubric.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'selection-score-band',
  title: 'Decisions agree with the computed score band',
  why: 'The rubric bands (12–16 eligible, 8–11 RFC/design, below 8 defer) make decisions comparable across cohorts. A decision may depart from its band only with a written override reason; a stale override on an agreeing decision is an error too, so the next real disagreement shows.',
  fix: 'Change the decision to the band’s, re-check the scores, or add an `override_reason:` saying why.',
  scope: ['records'],
  check: ({ records }): FindingDraft[] =>
    records.selection
      .flatMap((record) =>
        record.data.candidates.flatMap((c, i): RecordProblem[] => {
          const total = scoreTotal(c.scores);
          const band = bandOf(total);
          if (c.decision !== band.decision && c.override_reason === undefined) {
            return [
              fieldProblem(record, ['candidates', i, 'decision'], {
                reason: `'${c.id}' is ${c.decision} but its computed score ${total}/${MAX_SCORE} is in band ${band.min}–${band.max} (${band.title})`,
                expected: `decision '${band.decision}' for a score of ${total}, or an override_reason`,
                hint: `set decision: ${band.decision}, re-check the scores, or add \`override_reason:\` saying why ${c.decision} is right despite the score`,
              }),
            ];
          }
          if (c.decision === band.decision && c.override_reason !== undefined) {
            return [
              fieldProblem(record, ['candidates', i, 'override_reason'], {
                reason: `'${c.id}' has an override_reason but its decision already agrees with its score ${total}/${MAX_SCORE}`,
                expected: 'override_reason only when the decision departs from the score band',
                hint: 'remove `override_reason:` (a stale override hides the next real disagreement)',
              }),
            ];
          }
          return [];
        }),
      )
      .sort(byPosition)
      .map((p) => problemFinding(p, 'a decision in the band of the computed score')),
});
