/**
 * The known-gaps ratchet (as browser-compat-data does with its exception lists): a finding listed
 * in content/claims/known-gaps.yaml is reported as a warning carrying its reason, and an entry
 * that matches no finding is itself an error (rule `known-gap-stale`), so the list only shrinks.
 */
import type { Located } from '../claims/load.ts';
import type { KnownGap } from '../claims/schema.ts';
import type { Finding } from './finding.ts';

/** The gap accepting `finding`, if any (same rule and subject id). */
export const gapFor = (finding: Pick<Finding, 'rule' | 'id'>, gaps: readonly Located<KnownGap>[]): Located<KnownGap> | undefined =>
  gaps.find((g) => g.value.rule === finding.rule && g.value.id === finding.id);

/** Findings with every accepted one downgraded to a warning whose details name the gap and its reason. */
export function downgradeKnownGaps(findings: readonly Finding[], gaps: readonly Located<KnownGap>[]): Finding[] {
  return findings.map((f) => {
    const gap = gapFor(f, gaps);
    if (!gap) return f;
    return {
      ...f,
      level: 'warning' as const,
      details: [`known gap (${gap.file}:${gap.line}): ${gap.value.reason}`, f.details].filter(Boolean).join('\n'),
    };
  });
}

/** Gaps that accept none of `findings` (a duplicate entry never does): closed gaps whose entries must go. */
export function unusedGaps(findings: readonly Pick<Finding, 'rule' | 'id'>[], gaps: readonly Located<KnownGap>[]): Located<KnownGap>[] {
  const used = new Set(findings.map((f) => gapFor(f, gaps)));
  return gaps.filter((g) => !used.has(g));
}
