/** claim-ref-failed: the evidence a claim cites passed (not failed, not skipped). */
import { resolveRef } from '../../claims/refs.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-ref-failed',
  title: 'Cited evidence passed',
  why: 'Citing failed or skipped evidence turns a failure into a public claim.',
  fix: 'Fix what makes the evidence fail, or change the claim (its class, its statement or its refs).',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    claims.claims.flatMap((c) =>
      c.value.evidence.flatMap((ref, i) => {
        const resolved = resolveRef(ref, refs);
        if (!resolved.found || (resolved.status !== 'failed' && resolved.status !== 'skipped')) return [];
        return [{ file: c.file, line: c.refLines?.[i] ?? c.line, id: c.value.id, expected: `${ref} passed`, found: resolved.detail }];
      }),
    ),
});
