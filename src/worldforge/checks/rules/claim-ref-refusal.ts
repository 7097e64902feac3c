/** claim-ref-refusal: a ref naming a capability is backed only by cases showing the capability work, never by refusals alone. */
import { defineRule } from '../define-rule.ts';
import { citedRefs } from '../documents.ts';
import { claimRefsKey } from '../quarantine.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-ref-refusal',
  title: 'A capability ref is backed by the capability working, not by its refusal',
  why: 'A ref such as `conformance/<provider>#<capability>` asks whether the provider does the capability. When the provider does not advertise it, the only case is a passing fail-closed case: evidence that the call is refused. Counting that as backing would let a claim say a provider can do what it refuses.',
  fix: 'Cite evidence of the capability working (advertise it and pass its conformance cases), or cite the refusal case by its id (e.g. `conformance/<provider>#<capability>/fails-closed`) in a claim that states the refusal.',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    citedRefs(claims.claims, refs)
      .filter(({ resolved }) => resolved.found && resolved.status === 'refused')
      .map(({ claim, ref, line, resolved }) => ({
        file: claim.file,
        line,
        id: claim.value.id,
        expected: `${ref} selects cases showing that it works (advertised and passed)`,
        found: resolved.detail,
        depends: [resolved.source],
        covers: [claimRefsKey(claim.value.id)],
      })),
});
