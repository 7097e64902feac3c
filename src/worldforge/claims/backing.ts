/**
 * Which evidence kinds can back which evidence class. Each kind declares the classes it can back
 * (`classes` in src/worldforge/kinds/<kind>/kind.ts); this module derives the per-class policy the
 * claims check enforces and the claims page renders, and holds the words that explain each class.
 */
import { kindsBacking } from '../kinds/registry.ts';
import { EVIDENCE_CLASSES, type EvidenceClass } from './schema.ts';

export interface ClassPolicy {
  /** Ref kinds that can back the class (at least one ref must be of one of them). */
  kinds: readonly string[];
  /** What a backing ref must satisfy, in words. */
  requirement: string;
  /** Short description for the claims page. */
  meaning: string;
}

/** What each class means and requires, in words; the kinds come from the registry. */
const CLASS_TEXTS: Record<EvidenceClass, Omit<ClassPolicy, 'kinds'>> = {
  'checkout-tested': {
    requirement: 'evidence from a checkout-safe suite (no runtime manifest) whose cited cases passed',
    meaning: 'Re-checked by `npm run check` in any checkout: no network, credentials or GPUs.',
  },
  'fixture-tested': {
    requirement: 'fixture-suite evidence whose cited cases passed',
    meaning: 'Proven on the shared fixture corpus, in any checkout.',
  },
  'prepared-host-smoke-tested': {
    requirement: 'a live-smoke registry entry with status passed',
    meaning: 'Proven by a smoke run on a host that owns the runtime or credentials, recorded in the live-smoke registry.',
  },
  'release-gated': {
    requirement: 'release evidence (benchmark budgets or a release bundle) that passed',
    meaning: 'Checked when a release is cut, against release evidence.',
  },
  deferred: {
    requirement: 'a design or selection record stating a blocker and a revisit trigger',
    meaning: 'Decided not yet: a record names what blocks it and when to revisit.',
  },
  unsupported: {
    requirement: 'no evidence; the row states a blocker or first routing step',
    meaning: 'Explicitly not offered. Stated so nobody infers it.',
  },
};

/** Said of a class that needs evidence when no registered kind can provide it (yet). */
export const NO_BACKING_KIND = 'no evidence kind backs this class yet, so no ref can back it today';

function policyOf(cls: EvidenceClass): ClassPolicy {
  const kinds = kindsBacking(cls);
  const { requirement, meaning } = CLASS_TEXTS[cls];
  const unbackable = kinds.length === 0 && cls !== 'unsupported';
  return { kinds, requirement: unbackable ? `${requirement}; ${NO_BACKING_KIND}` : requirement, meaning };
}

export const CLASS_POLICY: Record<EvidenceClass, ClassPolicy> = Object.fromEntries(
  EVIDENCE_CLASSES.map((cls) => [cls, policyOf(cls)]),
) as unknown as Record<EvidenceClass, ClassPolicy>;
