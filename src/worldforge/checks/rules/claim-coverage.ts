/** claim-coverage: every capability a catalog provider advertises has a claim row backed by its conformance evidence. */
import { CAPABILITIES } from '../../capabilities/index.ts';
import { resolveRef } from '../../claims/refs.ts';
import { defineRule } from '../define-rule.ts';
import { evidenceFile } from '../../evidence/index.ts';
import { conformancePath } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';
import { claimRefKey } from '../quarantine.ts';

export default defineRule({
  id: 'claim-coverage',
  title: 'Every advertised capability has a claim row',
  why: 'Advertising a capability is a public claim. Every capability a catalog provider advertises needs a capability or provider claim row backed by its passing conformance evidence.',
  fix: 'Add a claim row citing `conformance/<provider>#<capability>` in content/claims/capabilities.yaml, or stop advertising the capability.',
  scope: ['claims', 'profiles', 'refs'],
  check: ({ claims, profiles, refs }): FindingDraft[] =>
    profiles.flatMap((profile) =>
      CAPABILITIES.filter((cap) => profile.capabilities.includes(cap)).flatMap((capability) => {
        const wanted = [`conformance/${profile.name}#${capability}`, `conformance/${profile.name}`];
        const backed = claims.claims.some(
          (c) =>
            (c.value.area === 'capability' || c.value.area === 'provider') &&
            c.value.evidence.some((ref) => wanted.includes(ref) && resolveRef(ref, refs).status === 'passed'),
        );
        return backed
          ? []
          : [
              {
                file: 'content/claims/capabilities.yaml',
                id: `${profile.name}#${capability}`,
                expected: `a capability or provider claim citing conformance/${profile.name}#${capability} (passed)`,
                found: `${profile.name} advertises ${capability} but no claim row is backed by its conformance evidence`,
                fix: `Add a claim row citing conformance/${profile.name}#${capability} to content/claims/capabilities.yaml, or stop advertising ${capability}.`,
                // A broken claim row citing this provider, or its broken evidence, is reported instead.
                depends: [claimRefKey(`conformance/${profile.name}`), evidenceFile(conformancePath(profile.name))],
              },
            ];
      }),
    ),
});
