/**
 * readme-claims-list: every statement in the README claims list cites a claim row, as a link to
 * the claims file that defines it (GitHub renders neither `:claim[id]` directives nor site links).
 */
import { CLAIMS_LIST_END, CLAIMS_LIST_START, claimLinkMarkdown, findClaimReferences, readmeClaimsList } from '../../claims/references.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'readme-claims-list',
  title: 'README claims list cites claim rows, readably on GitHub',
  why: 'The README’s marked claims list holds its capability statements; each must cite the claim row that backs it, so the front page cannot say more than the evidence. The README is read on GitHub first, which shows `:claim[id]` as raw text, so it cites a claim as a link to the claims file defining it, and that link must point to the right file.',
  fix: 'Cite the claim as a link from its id to the claims file defining the row, like `[mock-embed](content/claims/capabilities.yaml)` (`npx worldforge claims list` shows each file), or remove the statement.',
  scope: ['readme', 'claims'],
  check: ({ readme, claims }): FindingDraft[] => {
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
    const fileOf = new Map(claims.claims.map((c) => [c.value.id, c.file]));
    const uncited: FindingDraft[] = items
      .filter((item) => item.claimIds.length === 0)
      .map((item) => ({
        file: 'README.md',
        line: item.line,
        id: item.text.slice(0, 60),
        expected: 'every statement in the README claims list cites a claim row',
        found: 'a statement without a claim reference',
      }));
    const references = findClaimReferences(readme);
    const directives: FindingDraft[] = references
      .filter((ref) => ref.form === 'directive')
      .map((ref) => ({
        file: 'README.md',
        line: ref.line,
        id: ref.id || '(empty)',
        expected: `a link GitHub renders: ${claimLinkMarkdown(ref.id, fileOf.get(ref.id) ?? 'content/claims/<file>.yaml')}`,
        found: `:claim[${ref.id}], shown as raw text on GitHub`,
      }));
    const misdirected: FindingDraft[] = references.flatMap((ref) => {
      const file = fileOf.get(ref.id);
      if (ref.form !== 'link' || !file || ref.target === file) return [];
      return [
        {
          file: 'README.md',
          line: ref.line,
          id: ref.id,
          expected: `a link to ${file}, which defines ${ref.id}`,
          found: `a link to ${ref.target}`,
        },
      ];
    });
    return [...uncited, ...directives, ...misdirected];
  },
});
