/**
 * The backing state of every claim, as the check sees it: the site runs the check's own claim
 * rules (every rule that reads only claims, refs, known gaps and today's date) over the same
 * sources, so a card can never look backed while `npm run check` reports it.
 * - `backed`: no rule reports the claim;
 * - `known-gap`: every finding about it is accepted in content/claims/known-gaps.yaml (its reasons
 *   are shown);
 * - `unbacked`: some finding is an error (the check fails on it).
 */
import type { ClaimSet, GapSet } from '../worldforge/claims/load.ts';
import type { RefSources } from '../worldforge/claims/refs.ts';
import { gapFor } from '../worldforge/checks/known-gaps.ts';
import { rulesReading, runRules } from '../worldforge/checks/runner.ts';

export const CLAIM_STATES = ['backed', 'known-gap', 'unbacked'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const CLAIM_STATE_LABELS: Record<ClaimState, { text: string; meaning: string }> = {
  backed: { text: 'backed', meaning: 'the check finds evidence that backs the claim as its class requires' },
  'known-gap': { text: 'known gap', meaning: 'the evidence does not back it yet; the gap is accepted with a reason and tracked' },
  unbacked: { text: 'unbacked', meaning: 'the check reports an error for this claim' },
};

export interface ClaimStateOf {
  state: ClaimState;
  /** Known gaps: why each accepted finding is accepted (deduplicated). Unbacked: what the check found. */
  reasons: string[];
}

/** The state of each claim id, from the claim rules' findings over `claims`, `gaps` and `refs`. */
export function claimStates(claims: ClaimSet, gaps: GapSet, refs: RefSources, today: Date): Map<string, ClaimStateOf> {
  const rules = rulesReading(['claims', 'refs', 'gaps', 'today']);
  const findings = runRules({ claims, gaps, refs, today }, rules);
  const states = new Map<string, ClaimStateOf>();
  for (const { value } of claims.claims) {
    const mine = findings.filter((f) => f.id === value.id);
    const errors = mine.filter((f) => f.level === 'error');
    if (errors.length > 0) {
      states.set(value.id, { state: 'unbacked', reasons: [...new Set(errors.map((f) => f.found))] });
      continue;
    }
    const accepted = mine.flatMap((f) => gapFor(f, gaps.gaps)?.value.reason ?? []);
    states.set(value.id, accepted.length > 0 ? { state: 'known-gap', reasons: [...new Set(accepted)] } : { state: 'backed', reasons: [] });
  }
  return states;
}
