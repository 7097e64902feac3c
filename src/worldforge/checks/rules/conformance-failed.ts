/** conformance-failed: every regenerated conformance case passes. */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { conformanceDocument, conformancePath } from '../documents.ts';

export default defineRule({
  id: 'conformance-failed',
  title: 'Conformance cases pass',
  why: 'A failed conformance case means a provider breaks the call contract: an advertised capability returns invalid data, or an unadvertised one does not fail closed.',
  fix: 'Fix the provider (or stop advertising the capability in its profile), then run `npm run evidence`.',
  scope: ['evidence', 'profiles'],
  check: ({ evidence: { fresh }, profiles }): FindingDraft[] =>
    profiles.flatMap((profile) => {
      const doc = fresh ? conformanceDocument(fresh, profile.name) : null;
      return (doc?.body.cases ?? [])
        .filter((c) => c.status === 'failed')
        .map((c) => ({
          file: evidenceFile(conformancePath(profile.name)),
          id: `${profile.name}#${c.id}`,
          expected: c.expected,
          found: c.observed,
        }));
    }),
});
