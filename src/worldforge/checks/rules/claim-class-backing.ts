/** claim-class-backing: a claim cites evidence of a kind (and status) that can back its evidence class. */
import { CLASS_POLICY } from '../../claims/backing.ts';
import { parseRef, resolveRef } from '../../claims/refs.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { claimRefsKey } from '../quarantine.ts';

export default defineRule({
  id: 'claim-class-backing',
  title: 'The cited evidence can back the claim’s class',
  why: 'Evidence classes mean something: checkout-tested needs a checkout-safe suite, fixture-tested needs fixture evidence, prepared-host-smoke-tested needs a passed live-smoke entry, release-gated needs release evidence, deferred needs a record with a blocker and a revisit trigger. A checkout-tested claim citing only a deferred record proves nothing in a checkout.',
  fix: 'Cite evidence of a kind that backs the class, or change the class to what the evidence actually shows.',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    claims.claims.flatMap((c) => {
      const { value: claim } = c;
      const policy = CLASS_POLICY[claim.class];
      if (claim.class === 'unsupported') return [];
      const resolutions = claim.evidence.map((ref) => ({ ref, kind: parseRef(ref).kind, resolved: resolveRef(ref, refs) }));
      // Not reported while a cited source is broken or a ref of this claim is already reported.
      const depends = [...resolutions.map(({ resolved }) => resolved.source), claimRefsKey(claim.id)];
      const base = { file: c.file, line: c.fieldLines?.class ?? c.line, id: claim.id, depends };
      const backing = resolutions.filter(({ kind, resolved }) => {
        if (!policy.kinds.includes(kind) || !resolved.found) return false;
        if (claim.class === 'deferred') return Boolean(resolved.deferral?.blocker && resolved.deferral.revisitTrigger);
        if (claim.class === 'checkout-tested' && !resolved.checkoutSafe) return false;
        return resolved.status === 'passed';
      });
      const problems: FindingDraft[] = [];
      if (backing.length === 0) {
        const cited = resolutions.map(({ ref, kind }) => `${ref} (${kind})`).join(', ') || 'nothing';
        problems.push({
          ...base,
          expected: `${claim.class} needs ${policy.requirement}${policy.kinds.length ? ` (kinds: ${policy.kinds.join(', ')})` : ''}`,
          found: `cites ${cited}`,
        });
      }
      if (claim.class === 'checkout-tested') {
        for (const { ref, resolved } of resolutions) {
          if (resolved.found && resolved.status !== null && resolved.status !== 'recorded' && !resolved.checkoutSafe) {
            problems.push({
              ...base,
              expected: 'checkout-tested evidence is checkout-safe (no runtime manifest)',
              found: `${ref} was produced against a runtime manifest`,
            });
          }
        }
      }
      return problems;
    }),
});
