/**
 * The check in release mode. What a pull request may carry as a warning, a release may not: a
 * known gap accepted on a release-gated or prepared-host claim (a skipped smoke backing a claim is
 * one), stale prepared-host evidence, and a release-gated claim that does not cite the latest
 * release. This module escalates those findings to errors over the normal check's findings.
 *
 * Interim home: helper B1 is adding `runCheck({ release: true })` to scripts/check.ts; when it
 * lands, `releaseModeFindings` is the one place to swap for it.
 */
import type { Located } from '../claims/load.ts';
import { parseRef } from '../claims/refs.ts';
import type { Claim, EvidenceClass } from '../claims/schema.ts';
import { finding, type Finding } from '../checks/finding.ts';
import { RELEASES_KIND } from '../kinds/releases/schema.ts';

/** Classes whose known gaps are errors for a release. */
export const RELEASE_STRICT_CLASSES: readonly EvidenceClass[] = ['release-gated', 'prepared-host-smoke-tested'];

const escalate = (f: Finding, why: string): Finding => ({
  ...f,
  level: 'error',
  details: [`release mode: ${why}`, f.details].filter(Boolean).join('\n'),
});

/** The normal check's findings with release-mode escalations, plus release-only findings. */
export function releaseModeFindings(
  findings: readonly Finding[],
  claims: readonly Located<Claim>[],
  latestRelease: string | null,
): Finding[] {
  const classOf = new Map(claims.map((c) => [c.value.id, c.value.class]));
  const escalated = findings.map((f) => {
    if (f.level !== 'warning') return f;
    if (f.rule === 'claim-smoke-stale') return escalate(f, 'stale prepared-host evidence cannot back a release');
    const cls = classOf.get(f.id);
    if (f.details?.startsWith('known gap') && cls && RELEASE_STRICT_CLASSES.includes(cls)) {
      return escalate(f, `a known gap on a ${cls} claim is accepted on pull requests, not in a release`);
    }
    return f;
  });
  const stale = claims.flatMap((c) => {
    if (c.value.class !== 'release-gated') return [];
    return c.value.evidence
      .map(parseRef)
      .filter((r) => r.kind === RELEASES_KIND.id && latestRelease !== null && r.subject !== latestRelease)
      .map((r) =>
        finding('claim-class-backing', {
          file: c.file,
          line: c.line,
          id: c.value.id,
          expected: `release-gated claims resolve against the latest release (${RELEASES_KIND.id}/${latestRelease})`,
          found: `cites ${r.ref}`,
          fix: `Cite ${RELEASES_KIND.id}/${latestRelease}#${c.value.id}, or re-class the claim to what backs it now.`,
        }),
      );
  });
  return [...escalated, ...stale];
}
