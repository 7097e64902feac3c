/** claim-ref-unknown: every evidence ref of a claim resolves to evidence or a record. */
import { defineRule } from '../define-rule.ts';
import { citedRefs } from '../documents.ts';
import { claimRefKey, claimRefsKey } from '../quarantine.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-ref-unknown',
  title: 'Every evidence ref resolves',
  why: 'A claim that cites evidence which does not exist (a typo, a removed provider, a renamed case) is backed by nothing.',
  fix: 'Correct the ref (`<kind>/<subject>[#<case>]`), or run `npm run evidence` if the evidence should exist.',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    citedRefs(claims.claims, refs)
      .filter(({ resolved }) => !resolved.found)
      .map(({ claim, ref, line, resolved }) => ({
        file: claim.file,
        line,
        id: claim.value.id,
        expected: `evidence ref ${ref} resolves`,
        found: resolved.detail,
        depends: [resolved.source],
        // What the claim would have backed (e.g. claim-coverage of its provider) is a consequence of this ref.
        covers: [claimRefsKey(claim.value.id), claimRefKey(ref)],
        fix: `Fix the ref in ${claim.file}, or run \`npm run evidence\` if the evidence should exist.`,
      })),
});
