/** claim-smoke-stale: prepared-host claims cite a live smoke that passed within the staleness window. */
import { defineRule } from '../define-rule.ts';
import { citedRefs } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

/** Days after which a live smoke no longer backs a prepared-host claim without a warning. */
export const SMOKE_STALENESS_DAYS = 90;

/** Whole days from `date` (`YYYY-MM-DD`, UTC) to the check's own date. */
export const daysSince = (date: string, today: Date) => Math.floor((today.getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);

export default defineRule({
  id: 'claim-smoke-stale',
  title: 'Prepared-host claims cite recent live smokes',
  why: 'A live smoke proves one call on one date. A prepared-host-smoke-tested claim whose smoke is older than the staleness window (90 days, counted to the check’s own date) may no longer hold: upstream APIs, models and artifact policies change. On pull requests this is a warning, so it never blocks unrelated work; in release mode (`npm run check -- --release`) it is an error.',
  fix: 'Re-run the smoke on a prepared host and record it (`npx worldforge smoke record <run_manifest.json>`).',
  scope: ['claims', 'refs', 'today', 'mode'],
  check: ({ claims, refs, today, mode }): FindingDraft[] =>
    citedRefs(
      claims.claims.filter((c) => c.value.class === 'prepared-host-smoke-tested'),
      refs,
    ).flatMap(({ claim, ref, line, resolved }) => {
      if (!resolved.found || resolved.status !== 'passed' || !resolved.date) return [];
      // Dates are authored data (the smoke's run date), compared with the check's own date; a
      // date in the future is live-smoke-date's finding.
      const age = daysSince(resolved.date, today);
      if (age <= SMOKE_STALENESS_DAYS) return [];
      return [
        {
          level: mode === 'release' ? ('error' as const) : ('warning' as const),
          file: claim.file,
          line,
          id: claim.value.id,
          expected: `${ref} smoked within ${SMOKE_STALENESS_DAYS} days${mode === 'release' ? ' (release mode)' : ''}`,
          found: `last passed run on ${resolved.date} (${age} days ago)`,
        },
      ];
    }),
});
