/** readme-claims-list: every statement in the README claims list cites a claim row. */
import { CLAIMS_LIST_END, CLAIMS_LIST_START, readmeClaimsList } from '../../claims/references.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'readme-claims-list',
  title: 'README claims list cites claim rows',
  why: 'The README’s marked claims list holds its capability statements; each must cite the claim row that backs it, so the front page cannot say more than the evidence.',
  fix: 'Add `:claim[id]` to the statement, or remove the statement.',
  scope: ['readme'],
  check: ({ readme }): FindingDraft[] => {
    const items = readmeClaimsList(readme);
    if (items === null) {
      return [
        {
          file: 'README.md',
          id: 'claims-list',
          expected: `a claims list between ${CLAIMS_LIST_START} and ${CLAIMS_LIST_END}`,
          found: 'markers missing',
        },
      ];
    }
    return items
      .filter((item) => item.claimIds.length === 0)
      .map((item) => ({
        file: 'README.md',
        line: item.line,
        id: item.text.slice(0, 60),
        expected: 'every statement in the README claims list cites :claim[id]',
        found: 'a statement without a claim reference',
      }));
  },
});
