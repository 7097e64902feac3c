/**
 * Claim rows: the public statements WorldForge makes, each with its evidence class, the evidence it
 * cites, and what it does not prove. Authored in `content/claims/*.yaml`; this schema is shared by
 * the check, the CLI and the site.
 */
import { z } from 'zod';

/** How a claim is proven, from strongest-in-checkout to explicitly not offered. */
export const EVIDENCE_CLASSES = [
  'checkout-tested',
  'fixture-tested',
  'prepared-host-smoke-tested',
  'release-gated',
  'deferred',
  'unsupported',
] as const;
export type EvidenceClass = (typeof EVIDENCE_CLASSES)[number];

export const CLAIM_AREAS = ['capability', 'provider', 'workflow', 'non-claim'] as const;
export type ClaimArea = (typeof CLAIM_AREAS)[number];

/** `<kind>/<subject>` with an optional `#<fragment>` (case, capability, fixture or scenario). */
export const CLAIM_REF_PATTERN = /^[a-z][a-z-]*\/[a-z0-9][a-z0-9-]*(#[A-Za-z0-9._:/-]+)?$/;
export const CLAIM_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/**
 * Why a ref could point outside the repository, or null. A fragment addresses a case, never a path:
 * no `.` or `..` segment, no leading or doubled `/` (resolvers that map refs to files must never be
 * handed a traversal; `confinedPath` is their second line).
 */
export function refEscape(ref: string): string | null {
  const fragment = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
  if (/[\\\0]/.test(ref)) return 'contains a backslash or NUL';
  if (fragment.startsWith('/') || fragment.includes('//')) return 'its #fragment starts with or doubles a /';
  if (fragment.split(/[/:]/).some((segment) => segment === '.' || segment === '..')) return 'its #fragment has a . or .. segment';
  return null;
}

export const claimSchema = () =>
  z
    .strictObject({
      /** Stable id, used in `:claim[id]` references and in URLs. */
      id: z.string().regex(CLAIM_ID_PATTERN, { message: 'lower-case letters, digits and dashes, starting with a letter' }),
      /** The public statement, as a reader would see it. */
      statement: z.string().min(10),
      /** Where the claim belongs on the claims page. */
      area: z.enum(CLAIM_AREAS),
      /** How the claim is proven. */
      class: z.enum(EVIDENCE_CLASSES),
      /** Evidence refs, e.g. `conformance/mock#predict`, `fixtures/generate`, `design-records/genie`. */
      evidence: z
        .array(
          z
            .string()
            .regex(CLAIM_REF_PATTERN, { message: 'must look like <kind>/<subject>[#<case>]' })
            .refine((ref) => refEscape(ref) === null, { message: 'must stay inside the repository: a #fragment names a case, not a path' }),
        )
        .default([]),
      /** What the claim does NOT prove. */
      boundary: z.string().min(10),
      /** Deferred or unsupported: what blocks it. */
      blocker: z.string().min(10).optional(),
      /** Deferred or unsupported: the first step for someone who needs it. */
      routing: z.string().min(10).optional(),
    })
    .superRefine((claim, ctx) => {
      const open = claim.class === 'deferred' || claim.class === 'unsupported';
      if (open && !claim.blocker && !claim.routing) {
        ctx.addIssue({ code: 'custom', path: ['blocker'], message: `a ${claim.class} claim needs a blocker or a first routing step` });
      }
      if (!open && claim.evidence.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['evidence'], message: `a ${claim.class} claim must cite at least one evidence ref` });
      }
      if (claim.area === 'non-claim' && claim.class !== 'unsupported') {
        ctx.addIssue({ code: 'custom', path: ['class'], message: 'a non-claim must have class unsupported' });
      }
    });
export type Claim = z.infer<ReturnType<typeof claimSchema>>;

/** The outer shape of a claims file; each row is then validated on its own, so a broken row drops only itself. */
export const claimsFileShape = () => z.strictObject({ claims: z.array(z.unknown()).min(1) });

/** A known gap: a finding the project accepts for now. Entries that stop matching are errors. */
export const knownGapSchema = () =>
  z.strictObject({
    /** Rule id of the accepted finding. */
    rule: z.string().min(1),
    /** Claim (or subject) id of the accepted finding. */
    id: z.string().min(1),
    /** Why the gap is accepted, and what closes it. */
    reason: z.string().min(10),
  });
/** The outer shape of a known-gaps file; each entry is then validated on its own, so a broken entry drops only itself. */
export const knownGapsFileShape = () => z.strictObject({ gaps: z.array(z.unknown()) });
export type KnownGap = z.infer<ReturnType<typeof knownGapSchema>>;

/** Non-claims every release must state explicitly, as `unsupported` rows in area `non-claim`. */
export const REQUIRED_NON_CLAIMS = {
  'non-claim-physical-fidelity': 'physical fidelity of any model',
  'non-claim-robot-safety': 'robot safety certification',
  'non-claim-upstream-sla': 'upstream availability, SLAs, credentials or artifact retention',
  'non-claim-service-persistence': 'service-grade persistence',
} as const;
