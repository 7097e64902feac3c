/** Building blocks of ref resolutions, shared by the evidence resolver and the authored kinds' resolvers. */
import type { Resolution } from '../claims/refs.ts';

/** Nothing matches the ref; `source` is the file it would have resolved to. */
export const unresolved = (source: string, detail: string): Resolution => ({
  found: false,
  status: null,
  source,
  checkoutSafe: false,
  deferral: null,
  decision: null,
  detail,
});

/** A record with an optional blocker and revisit trigger, as claims see it. */
export interface DecisionLike {
  decision: string;
  blocker?: string | undefined;
  revisit_trigger?: string | undefined;
}

/** An authored decision (a design record, a selection candidate): `recorded`, with what a deferral needs. */
export function recordedDecision(source: string, label: string, decision: DecisionLike): Resolution {
  return {
    found: true,
    status: 'recorded',
    source,
    checkoutSafe: false,
    deferral: { blocker: Boolean(decision.blocker), revisitTrigger: Boolean(decision.revisit_trigger) },
    decision: decision.decision,
    detail: `${label}: decision ${decision.decision}${decision.blocker ? ', with blocker' : ''}${decision.revisit_trigger ? ' and revisit trigger' : ''}`,
  };
}
