/**
 * The promotion requirements as data: each level's evidence, one entry per requirement with a
 * stable id. `PROMOTION_RULES` (records/rubric.ts, rendered on /selection/promotion-rules/) takes
 * its `requires` text from here, and the workbench (`npx worldforge workbench`) and the scaffold
 * checklist evaluate and list the same ids, so the page, the checklist and the workbench can never
 * describe different criteria.
 */

export const PROMOTION_LEVELS = ['scaffold', 'experimental', 'beta', 'stable'] as const;
export type PromotionLevel = (typeof PROMOTION_LEVELS)[number];

export interface PromotionRequirement {
  /** Stable id, used by the workbench and the scaffold checklist. */
  id: string;
  /** The level a provider may only reach once this requirement is met. */
  level: PromotionLevel;
  /** What must exist, as the promotion rules page lists it. */
  text: string;
  /** What produces or shows the evidence (a command, or the file to author). */
  how: string;
}

const requirement = (level: PromotionLevel, id: string, text: string, how: string): PromotionRequirement => ({ id, level, text, how });

/** Every requirement, grouped by level in promotion order. */
export const PROMOTION_REQUIREMENTS: readonly PromotionRequirement[] = [
  requirement(
    'scaffold',
    'profile-advertises-nothing',
    'A profile with no capabilities',
    'npx worldforge scaffold provider <name> --capability <cap>',
  ),
  requirement(
    'scaffold',
    'fails-closed-evidence',
    'Conformance evidence that every capability fails closed',
    'register the provider in src/worldforge/providers/catalog.ts, then npm run evidence',
  ),
  requirement(
    'scaffold',
    'reservation-record',
    'A design record stating why it is reserved',
    'content/design-records/<name>.md, or a selection-record candidate naming one',
  ),
  requirement(
    'experimental',
    'exercised-offline',
    'Tests against an injected runtime or replayed exchanges',
    'recorded exchanges under fixtures/providers/<name>/ (remote) or passing advertised conformance cases (in-process)',
  ),
  requirement(
    'experimental',
    'typed-failure-modes',
    'Documented failure modes with typed errors',
    'a runtime manifest triage entry per typed error, or passing typed-error conformance cases (checkout-safe)',
  ),
  requirement(
    'experimental',
    'smoke-path',
    'A prepared-host smoke path, or a recorded blocker for it',
    'ProviderOperations with a smoke spec (npx worldforge smoke <name>), or a selection-record blocker',
  ),
  requirement('beta', 'passing-conformance', 'Passing conformance and fixture evidence', 'npm run evidence && npm run check'),
  requirement('beta', 'runtime-manifest', 'A runtime manifest', 'a RuntimeManifest in the provider module, listed in its catalog entry'),
  requirement(
    'beta',
    'live-smoke-run',
    'A live-smoke run manifest from a prepared host',
    'npx worldforge smoke <name> on a prepared host, then npx worldforge smoke record',
  ),
  requirement(
    'beta',
    'provider-page',
    'A generated provider page',
    'catalog entry + npm run evidence (the page renders from conformance evidence)',
  ),
  requirement(
    'stable',
    'repeated-live-smoke',
    'Repeated live-smoke evidence within the staleness window',
    'a passed public live-smoke entry for every advertised capability, not stale (rule claim-smoke-stale)',
  ),
  requirement(
    'stable',
    'release-gated',
    'Release-gated evidence',
    'a release-gated claim row for the provider that passes npm run check -- --release',
  ),
  requirement(
    'stable',
    'operator-runbook',
    'An operator runbook',
    'runtime manifest triage entries covering every typed error the adapter raises',
  ),
  requirement(
    'stable',
    'compatibility-policy',
    'A compatibility policy for upstream versions',
    'a design record naming the supported upstream versions (content/design-records/<name>-compatibility.md)',
  ),
];

/** The requirements of one level, in order. */
export const requirementsOf = (level: PromotionLevel): PromotionRequirement[] => PROMOTION_REQUIREMENTS.filter((r) => r.level === level);

/** The level after `level`, or null at the top. */
export function nextLevel(level: PromotionLevel): PromotionLevel | null {
  return PROMOTION_LEVELS[PROMOTION_LEVELS.indexOf(level) + 1] ?? null;
}
