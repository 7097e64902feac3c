/** claim-decision-mismatch: a deferred or unsupported claim agrees with the current decision of every record it cites. */
import type { EvidenceClass } from '../../claims/schema.ts';
import { defineRule } from '../define-rule.ts';
import { citedRefs } from '../documents.ts';
import { claimRefsKey } from '../quarantine.ts';
import type { FindingDraft } from '../finding.ts';

/** Record decisions each open class agrees with: a deferral cites deferrals; "not offered" cites deferrals or rejections. */
export const AGREEING_DECISIONS: Partial<Record<EvidenceClass, readonly string[]>> = {
  deferred: ['deferred'],
  unsupported: ['deferred', 'rejected'],
};

export default defineRule({
  id: 'claim-decision-mismatch',
  title: 'Deferred and unsupported claims agree with the records they cite',
  why: 'A deferred or unsupported claim is backed by a decision: a design record or a selection candidate that says "deferred" (or "rejected"). When the record changes its decision — the candidate becomes active, the design is accepted — the claim still saying "deferred" is no longer true, so it must fail instead of staying backed by the record’s blocker text.',
  fix: 'Update the claim to the record’s decision (change its class, statement and evidence), or restore the record’s decision if the change was wrong.',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    citedRefs(claims.claims, refs).flatMap(({ claim, ref, line, resolved }) => {
      const agreeing = AGREEING_DECISIONS[claim.value.class];
      const decision = resolved.decision;
      if (!agreeing || !resolved.found || typeof decision !== 'string' || agreeing.includes(decision)) return [];
      return [
        {
          file: claim.file,
          line,
          id: claim.value.id,
          expected: `a ${claim.value.class} claim cites a record whose decision is ${agreeing.join(' or ')}`,
          found: `${ref} decides ${decision} (${resolved.source})`,
          depends: [resolved.source],
          covers: [claimRefsKey(claim.value.id)],
        },
      ];
    }),
});
