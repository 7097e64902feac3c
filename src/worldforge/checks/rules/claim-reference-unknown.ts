/** claim-reference-unknown: every `:claim[id]` in README.md and the docs names a claim row. */
import { findClaimReferences } from '../../claims/references.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { claimKey } from '../quarantine.ts';

export default defineRule({
  id: 'claim-reference-unknown',
  title: 'Claim references in prose resolve',
  why: 'README.md and the docs cite claims as `:claim[id]`, which the site renders as links to the claim row. An unknown id is a sentence that claims something no row backs.',
  fix: 'Use an existing claim id (`npx worldforge claims list`) or add the claim row.',
  scope: ['claims', 'prose'],
  check: ({ claims, prose }): FindingDraft[] => {
    const known = new Set(claims.claims.map((c) => c.value.id));
    return prose.flatMap(({ file, text }) =>
      findClaimReferences(text)
        .filter((ref) => !known.has(ref.id))
        .map((ref) => ({
          file,
          line: ref.line,
          id: ref.id || '(empty)',
          expected: ':claim[id] names a claim row in content/claims/',
          found: `no claim '${ref.id}'`,
          fix: 'Use an existing claim id (npx worldforge claims list) or add the row to content/claims/.',
          depends: [claimKey(ref.id)],
        })),
    );
  },
});
