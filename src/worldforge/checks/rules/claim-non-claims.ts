/** claim-non-claims: the required non-claims are stated as unsupported rows. */
import { REQUIRED_NON_CLAIMS } from '../../claims/schema.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { claimKey } from '../quarantine.ts';

export default defineRule({
  id: 'claim-non-claims',
  title: 'Non-claims are stated explicitly',
  why: 'WorldForge does not claim physical fidelity, robot safety certification, upstream SLAs or service-grade persistence. Stating these as unsupported rows keeps readers from inferring them.',
  fix: 'Restore the named row in content/claims/non-claims.yaml with area non-claim and class unsupported.',
  scope: ['claims'],
  check: ({ claims }): FindingDraft[] =>
    Object.entries(REQUIRED_NON_CLAIMS).flatMap(([id, topic]) => {
      const row = claims.claims.find((c) => c.value.id === id);
      if (row && row.value.class === 'unsupported' && row.value.area === 'non-claim') return [];
      return [
        {
          file: row?.file ?? 'content/claims/non-claims.yaml',
          line: row?.line ?? null,
          id,
          expected: `an unsupported non-claim row '${id}' stating that WorldForge does not claim ${topic}`,
          found: row ? `class ${row.value.class}, area ${row.value.area}` : 'no such row',
          depends: [claimKey(id)],
        },
      ];
    }),
});
