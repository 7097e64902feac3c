/**
 * The known-gaps ratchet (as browser-compat-data does with its exception lists): a finding listed
 * in content/claims/known-gaps.yaml is reported as a warning carrying its reason; an entry that
 * matches no finding is itself an error, so the list can only shrink.
 */
import type { Finding } from '../../src/worldforge/checks/finding.ts';
import type { Located } from '../../src/worldforge/claims/load.ts';
import type { KnownGap } from '../../src/worldforge/claims/schema.ts';
import { finding } from './context.ts';

export function applyKnownGaps(findings: Finding[], gaps: readonly Located<KnownGap>[]): Finding[] {
  const used = new Set<Located<KnownGap>>();
  const adjusted = findings.map((f) => {
    const gap = gaps.find((g) => g.value.rule === f.rule && g.value.id === f.id);
    if (!gap) return f;
    used.add(gap);
    return {
      ...f,
      level: 'warning' as const,
      details: [`known gap (${gap.file}:${gap.line}): ${gap.value.reason}`, f.details].filter(Boolean).join('\n'),
    };
  });
  const stale = gaps
    .filter((g) => !used.has(g))
    .map((g) =>
      finding('known-gap-stale', {
        file: g.file,
        line: g.line,
        id: `${g.value.rule}:${g.value.id}`,
        expected: `a current ${g.value.rule} finding for ${g.value.id}`,
        found: 'no such finding: the gap is closed',
      }),
    );
  return [...adjusted, ...stale];
}
