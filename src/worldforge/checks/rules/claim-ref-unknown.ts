/** claim-ref-unknown: every evidence ref of a claim resolves to evidence or a record. */
import { resolveRef } from '../../claims/refs.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-ref-unknown',
  title: 'Every evidence ref resolves',
  why: 'A claim that cites evidence which does not exist (a typo, a removed provider, a renamed case) is backed by nothing.',
  fix: 'Correct the ref (`<kind>/<subject>[#<case>]`), or run `npm run evidence` if the evidence should exist.',
  scope: ['claims', 'refs'],
  check: ({ claims, refs }): FindingDraft[] =>
    claims.claims.flatMap((c) =>
      c.value.evidence.flatMap((ref, i) => {
        const resolved = resolveRef(ref, refs);
        if (resolved.found) return [];
        return [
          {
            file: c.file,
            line: c.refLines?.[i] ?? c.line,
            id: c.value.id,
            expected: `evidence ref ${ref} resolves`,
            found: resolved.detail,
            fix: `Fix the ref in ${c.file}, or run \`npm run evidence\` if the evidence should exist.`,
          },
        ];
      }),
    ),
});
