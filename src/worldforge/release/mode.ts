/**
 * Release-only findings on top of the check in release mode. The check itself
 * (`runCheck({ release: true })`, slice `mode`) already turns known gaps on release-gated and
 * prepared-host claims (a skipped smoke backing a claim is one) and stale prepared-host evidence
 * into errors; what only a release can know is which release is the latest, so a release-gated
 * claim citing an older release is refused here.
 */
import type { Located } from '../claims/load.ts';
import { parseRef } from '../claims/refs.ts';
import type { Claim } from '../claims/schema.ts';
import { finding, type Finding } from '../checks/finding.ts';
import { RELEASES_KIND } from '../kinds/releases/schema.ts';

/** The release-mode check's findings plus release-only findings. */
export function releaseModeFindings(
  findings: readonly Finding[],
  claims: readonly Located<Claim>[],
  latestRelease: string | null,
): Finding[] {
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
  return [...findings, ...stale];
}
