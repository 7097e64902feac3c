/** claim-ref-failed: the evidence a claim cites passed (not failed, not skipped). */
import { defineRule } from '../define-rule.ts';
import { citedRefs } from '../documents.ts';
import { claimRefKey, claimRefsKey } from '../quarantine.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-ref-failed',
  title: 'Cited evidence passed',
  why: 'Citing failed or skipped evidence turns a failure into a public claim.',
  fix: 'Fix what makes the evidence fail, or change the claim (its class, its statement or its refs).',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    citedRefs(claims.claims, refs)
      .filter(({ resolved }) => resolved.found && (resolved.status === 'failed' || resolved.status === 'skipped'))
      .map(({ claim, ref, line, resolved }) => ({
        file: claim.file,
        line,
        id: claim.value.id,
        expected: `${ref} passed`,
        found: resolved.detail,
        depends: [resolved.source],
        // What the claim would have backed (e.g. claim-coverage of its provider) is a consequence of this ref.
        covers: [claimRefsKey(claim.value.id), claimRefKey(ref)],
      })),
});
