/** profile-conformance: each profile advertises exactly the capabilities its committed conformance evidence backs. */
import { CAPABILITIES } from '../../capabilities/index.ts';
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { conformanceDocument, conformancePath } from '../documents.ts';

export default defineRule({
  id: 'profile-conformance',
  title: 'Profiles advertise only what committed conformance evidence backs',
  why: 'A capability is advertised only when it runs end to end. The profile in code and the committed conformance evidence must agree capability by capability, so a profile edit cannot slip through without new evidence.',
  fix: 'Run `npm run evidence` so the evidence reflects the profile; if a case then fails, fix the provider or stop advertising the capability.',
  scope: ['evidence', 'profiles'],
  check: ({ evidence: { committed }, profiles }): FindingDraft[] =>
    profiles.flatMap((profile) => {
      const doc = conformanceDocument(committed, profile.name);
      if (!doc) return []; // missing or malformed: evidence-missing / evidence-schema report it
      const file = evidenceFile(conformancePath(profile.name));
      return CAPABILITIES.flatMap((capability) => {
        const advertised = profile.capabilities.includes(capability);
        const caseId = `${capability}/${advertised ? 'call' : 'fails-closed'}`;
        const backing = doc.body.cases.find((c) => c.id === caseId);
        if (backing?.status === 'passed') return [];
        const recorded = doc.body.cases.find((c) => c.capability === capability);
        const found = !backing
          ? recorded
            ? `committed evidence records ${capability} as ${recorded.advertised ? 'advertised' : 'not advertised'} (case ${recorded.id})`
            : `committed evidence has no ${capability} case`
          : `case ${caseId} ${backing.status}: ${backing.observed}`;
        return [
          {
            file,
            id: `${profile.name}#${capability}`,
            expected: advertised
              ? `profile advertises ${capability}, so a passing ${caseId} case`
              : `profile does not advertise ${capability}, so a passing ${caseId} case`,
            found,
          },
        ];
      });
    }),
});
