/**
 * Which evidence kinds can back which evidence class. This table is the policy the claims check
 * enforces; the claims page renders it so readers see what each class means.
 */
import type { EvidenceClass } from './schema.ts';

export interface ClassPolicy {
  /** Ref kinds that can back the class (at least one ref must be of one of them). */
  kinds: readonly string[];
  /** What a backing ref must satisfy, in words. */
  requirement: string;
  /** Short description for the claims page. */
  meaning: string;
}

export const CLASS_POLICY: Record<EvidenceClass, ClassPolicy> = {
  'checkout-tested': {
    kinds: ['conformance', 'fixtures', 'evaluation', 'galleries', 'scenes', 'exchanges'],
    requirement: 'evidence from a checkout-safe suite (no runtime manifest) whose cited cases passed',
    meaning: 'Re-checked by `npm run check` in any checkout: no network, credentials or GPUs.',
  },
  'fixture-tested': {
    kinds: ['fixtures', 'scenes'],
    requirement: 'fixture-suite evidence whose cited cases passed',
    meaning: 'Proven on the shared fixture corpus, in any checkout.',
  },
  'prepared-host-smoke-tested': {
    kinds: ['live-smoke'],
    requirement: 'a live-smoke registry entry with status passed',
    meaning: 'Proven by a smoke run on a host that owns the runtime or credentials, recorded in the live-smoke registry.',
  },
  'release-gated': {
    kinds: ['benchmarks', 'release'],
    requirement: 'release evidence (benchmark budgets or a release bundle) that passed',
    meaning: 'Checked when a release is cut, against release evidence.',
  },
  deferred: {
    kinds: ['design-records', 'selection-records'],
    requirement: 'a design or selection record stating a blocker and a revisit trigger',
    meaning: 'Decided not yet: a record names what blocks it and when to revisit.',
  },
  unsupported: {
    kinds: [],
    requirement: 'no evidence; the row states a blocker or first routing step',
    meaning: 'Explicitly not offered. Stated so nobody infers it.',
  },
};
