/** known-gap-release: in release mode, no known gap excuses a finding on a release-gated or prepared-host claim (second phase). */
import type { EvidenceClass } from '../../claims/schema.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { gapFor } from '../known-gaps.ts';

/** Claim classes whose known gaps release evidence does not accept. */
export const RELEASE_STRICT_CLASSES: readonly EvidenceClass[] = ['release-gated', 'prepared-host-smoke-tested'];

export default defineRule({
  id: 'known-gap-release',
  title: 'Release evidence has no known gaps on release-gated or prepared-host claims',
  why: 'A known gap lets a pull request go on while a claim is not yet backed (no live smoke on CI, no release benchmark yet). Release evidence is what a release stands on, so in release mode (`npm run check -- --release`) a known gap on a release-gated or prepared-host-smoke-tested claim is an error: the claim must be backed, or narrowed to what the evidence shows, before the release. Pull-request checks are unaffected.',
  fix: 'Back the claim (record a live smoke on a prepared host, produce the release evidence), or change its class or statement to what the evidence shows; then delete the gap from content/claims/known-gaps.yaml.',
  scope: ['findings', 'gaps', 'claims', 'mode'],
  check: ({ findings, gaps, claims, mode }): FindingDraft[] => {
    if (mode !== 'release') return [];
    const classOf = new Map(claims.claims.map((c) => [c.value.id, c.value.class]));
    // One finding per gap, however many findings it excuses (a claim citing three skipped smokes).
    const excused = new Map<(typeof gaps.gaps)[number], (typeof findings)[number][]>();
    for (const f of findings) {
      const gap = gapFor(f, gaps.gaps);
      const claimClass = classOf.get(f.id);
      if (!gap || !claimClass || !RELEASE_STRICT_CLASSES.includes(claimClass)) continue;
      excused.set(gap, [...(excused.get(gap) ?? []), f]);
    }
    return [...excused].map(([gap, excusedFindings]) => {
      const first = excusedFindings[0]!;
      return {
        file: gap.file,
        line: gap.line,
        id: `${gap.value.rule}:${gap.value.id}`,
        expected: `no known gap on the ${classOf.get(first.id)} claim ${first.id} in release mode`,
        found: `the gap excuses ${excusedFindings.length} ${first.rule} finding(s): ${excusedFindings
          .map((f) => `${f.file}${f.line ? `:${f.line}` : ''} ${f.found}`)
          .join('; ')}`,
      };
    });
  },
});
