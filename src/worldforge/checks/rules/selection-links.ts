/** selection-links: selection records link the rubric and promotion rules, and their links and `design_record` references resolve. */
import { byPosition, problemFinding } from '../../problem.ts';
import { CHECKED_PAGES, linkProblems } from '../../records/links.ts';
import { DESIGN_DIR } from '../../records/load.ts';
import { fieldProblem } from '../../records/problems.ts';
import { ROUTES } from '../../site/routes.ts';
import { inWords } from '../../text.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

/** Pages every selection record body links, so a reader sees what scores and promotions mean. */
const REQUIRED_LINKS = [
  { path: ROUTES.selectionRubric, label: 'rubric' },
  { path: ROUTES.selectionPromotionRules, label: 'promotion rules' },
];

export default defineRule({
  id: 'selection-links',
  title: 'Selection records link the rubric and promotion rules, and their links resolve',
  why: `A reader must be able to see what the scores mean and what a promotion requires. Links into ${inWords(CHECKED_PAGES)} (and a candidate’s \`design_record\`) must point at a page and anchor the site renders.`,
  fix: `Link \`${ROUTES.selectionRubric}\` and \`${ROUTES.selectionPromotionRules}\` from the body, and correct any link or \`design_record\` the finding names.`,
  scope: ['records'],
  check: ({ records }): FindingDraft[] => {
    const designIds = records.known.design.map((d) => d.id);
    return records.selection
      .flatMap((record) => [
        ...record.data.candidates.flatMap((c, i) =>
          c.design_record && !designIds.includes(c.design_record)
            ? [
                {
                  ...fieldProblem(record, ['candidates', i, 'design_record'], {
                    reason: `'${c.design_record}' does not exist`,
                    expected: `the id of a file in ${DESIGN_DIR}/`,
                    hint: `known design records: ${designIds.join(', ') || 'none'}`,
                  }),
                  depends: [`${DESIGN_DIR}/${c.design_record}.md`],
                },
              ]
            : [],
        ),
        ...linkProblems(record.path, record.links, records.routes, REQUIRED_LINKS, record.parsed.bodyLine),
      ])
      .sort(byPosition)
      .map((p) => ({ ...problemFinding(p, 'links that resolve'), depends: p.depends }));
  },
});
