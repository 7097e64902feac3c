/**
 * Rules over selection and design records. The record loader (src/worldforge/records) tags each
 * problem with its rule id, so these rules only select their own problems and turn them into
 * findings; `worldforge selection check` prints the very same problems.
 */
import type { RuleId } from '../../src/worldforge/checks/rules.ts';
import type { RecordProblem } from '../../src/worldforge/records/problems.ts';
import { finding, type Rule } from './context.ts';

const recordRule = (id: RuleId): Rule => ({
  id,
  check: ({ records }) =>
    records.problems
      .filter((p: RecordProblem) => p.rule === id)
      .map((p) =>
        finding(id, {
          file: p.file,
          line: p.line,
          id: p.field,
          expected: p.expected,
          found: p.found,
          // The problem's hint is the specific edit; the rule's generic fix is on its docs page.
          fix: p.hint || undefined,
        }),
      ),
});

export const selectionSchemaRule = recordRule('selection-schema');
export const selectionActiveLimitRule = recordRule('selection-active-limit');
export const selectionDeferralRule = recordRule('selection-deferral');
export const selectionScoreBandRule = recordRule('selection-score-band');
export const selectionLinksRule = recordRule('selection-links');
export const designRecordSchemaRule = recordRule('design-record-schema');
export const designRecordLinksRule = recordRule('design-record-links');

export const RECORD_RULES: readonly Rule[] = [
  selectionSchemaRule,
  selectionActiveLimitRule,
  selectionDeferralRule,
  selectionScoreBandRule,
  selectionLinksRule,
  designRecordSchemaRule,
  designRecordLinksRule,
];
