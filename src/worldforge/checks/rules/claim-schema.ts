/** claim-schema: claim rows and known gaps load without problems. */
import { problemFinding } from '../../problem.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'claim-schema',
  title: 'Claim rows and known gaps are well formed',
  why: 'Claims are data: each row has an id, a statement, an area, an evidence class, evidence refs and a boundary (what it does not prove). Deferred and unsupported rows also need a blocker or a first routing step. A malformed row cannot be checked, so it is an error.',
  fix: 'Fix the named field at the given file:line in content/claims/.',
  scope: ['claims', 'gaps'],
  check: ({ claims, gaps }): FindingDraft[] => [...claims.problems, ...gaps.problems].map((p) => problemFinding(p, 'a valid row')),
});
