/** known-gap-stale: every known gap still matches a finding (second phase: reads the findings of the other rules). */
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { unusedGaps } from '../known-gaps.ts';
import { claimKey } from '../quarantine.ts';

export default defineRule({
  id: 'known-gap-stale',
  title: 'Known gaps only shrink',
  why: 'content/claims/known-gaps.yaml lists findings the project accepts for now, each with a reason. Like browser-compat-data’s exception lists, it is a ratchet: an entry whose finding no longer occurs must be removed, so the list can only shrink.',
  fix: 'Delete the entry from content/claims/known-gaps.yaml.',
  scope: ['findings', 'gaps'],
  check: ({ findings, gaps }): FindingDraft[] =>
    unusedGaps(findings, gaps.gaps).map((g) => ({
      file: g.file,
      line: g.line,
      id: `${g.value.rule}:${g.value.id}`,
      expected: `a current ${g.value.rule} finding for ${g.value.id}`,
      found: 'no such finding: the gap is closed',
      // A gap about a claim row that failed its schema cannot be judged until the row loads.
      depends: [claimKey(g.value.id)],
    })),
});
