/** claim-duplicate: claim ids are unique across content/claims/. */
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-duplicate',
  title: 'Claim ids are unique',
  why: 'Prose cites claims by id (`:claim[id]`) and pages link to them; two rows with one id would make a reference ambiguous.',
  fix: 'Rename or merge one of the rows.',
  scope: ['claims'],
  check: ({ claims }): FindingDraft[] => {
    const first = new Map<string, string>();
    return claims.claims.flatMap((c) => {
      const where = `${c.file}:${c.line}`;
      const earlier = first.get(c.value.id);
      if (earlier === undefined) {
        first.set(c.value.id, where);
        return [];
      }
      return [{ file: c.file, line: c.line, id: c.value.id, expected: 'a unique claim id', found: `also defined at ${earlier}` }];
    });
  },
});
