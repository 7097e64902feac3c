/**
 * The provider selection rubric, its score bands and the promotion rules: the ONE copy of this
 * data. The selection-record schema scores against it, the check enforces its bands, and the
 * site's /selection/rubric/ and /selection/promotion-rules/ pages render it, so a page can never
 * describe a rubric the check does not apply.
 */
import { type PromotionLevel, requirementsOf } from '../promotion/requirements.ts';

/** Criterion ids as written in a record's `scores` map, in rubric order. */
export const CRITERION_IDS = [
  'user_value',
  'capability_clarity',
  'upstream_maturity',
  'runtime_feasibility',
  'fixture_strategy',
  'smoke_feasibility',
  'maintenance_burden',
  'safety_secret_risk',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export interface Criterion {
  id: CriterionId;
  /** Short column heading. */
  title: string;
  /** The question the score answers. */
  question: string;
  /** What 0, 1 and 2 points mean. Higher is always better, including for burden and risk. */
  points: readonly [string, string, string];
}

export const CRITERIA: Record<CriterionId, Criterion> = {
  user_value: {
    id: 'user_value',
    title: 'User value',
    question: 'Do users ask for it, and does it unlock a workflow WorldForge cannot serve today?',
    points: [
      'Speculative; nobody has asked.',
      'Useful to some users, or overlaps an existing provider.',
      'Repeatedly requested, or unlocks a capability with no provider yet.',
    ],
  },
  capability_clarity: {
    id: 'capability_clarity',
    title: 'Capability clarity',
    question: 'Does it map onto one existing capability contract without stretching it?',
    points: [
      'No existing capability fits; a new contract would be needed.',
      'Fits with caveats (a translator, a new artifact shape).',
      'Maps cleanly onto one capability request/result schema.',
    ],
  },
  upstream_maturity: {
    id: 'upstream_maturity',
    title: 'Upstream maturity',
    question: 'Is there a released, documented, versioned runtime or API to integrate against?',
    points: [
      'Prototype, web-only, or unreleased.',
      'Released but moving fast or thinly documented.',
      'Versioned releases and documented interfaces.',
    ],
  },
  runtime_feasibility: {
    id: 'runtime_feasibility',
    title: 'Runtime feasibility',
    question: 'Can a host actually run or reach it (hardware, credentials, access terms)?',
    points: [
      'Needs access or hardware a typical host cannot get.',
      'Needs a prepared host (GPU, checkpoints, a key) but is attainable.',
      'Runs on an ordinary host or through a plain API key.',
    ],
  },
  fixture_strategy: {
    id: 'fixture_strategy',
    title: 'Fixture strategy',
    question: 'Can its behaviour be pinned with checkout-safe fixtures (recorded exchanges, injected fakes)?',
    points: [
      'No way to test without the live runtime.',
      'Partial: some paths need the live runtime.',
      'Recorded exchanges or an injected fake cover the contract.',
    ],
  },
  smoke_feasibility: {
    id: 'smoke_feasibility',
    title: 'Smoke feasibility',
    question: 'Can a prepared host run a repeatable live smoke and record a run manifest?',
    points: [
      'No repeatable smoke is possible.',
      'Possible, but costly or manual.',
      'A scripted smoke with a run manifest is straightforward.',
    ],
  },
  maintenance_burden: {
    id: 'maintenance_burden',
    title: 'Maintenance burden',
    question: 'How little ongoing work will it cost (pins, breaking changes, licence terms)? 2 = least.',
    points: [
      'Heavy: frequent breaking changes, restrictive or unclear licence.',
      'Moderate: pinned versions or a vendor SDK to track.',
      'Light: stable interface, permissive terms.',
    ],
  },
  safety_secret_risk: {
    id: 'safety_secret_risk',
    title: 'Safety / secret risk',
    question: 'How little risk does it add (credentials, signed artifact URLs, host paths, code execution)? 2 = least.',
    points: [
      'High: executes host code or leaks secrets unless heavily guarded.',
      'Moderate: credentials or signed URLs that redaction must handle.',
      'Low: no secrets, no host code, artifacts stay JSON-native.',
    ],
  },
};

export const MAX_SCORE = CRITERION_IDS.length * 2;

/** Sum of the per-criterion points. Records never type a total: it is always computed here. */
export function scoreTotal(scores: Readonly<Record<CriterionId, number>>): number {
  return CRITERION_IDS.reduce((sum, id) => sum + scores[id], 0);
}

export const SELECTION_DECISIONS = ['active', 'rfc', 'deferred'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

export interface ScoreBand {
  id: 'eligible' | 'rfc' | 'defer';
  /** Inclusive bounds of the total. */
  min: number;
  max: number;
  /** The decision the band implies; any other decision needs an `override_reason`. */
  decision: SelectionDecision;
  title: string;
  meaning: string;
}

export const SCORE_BANDS: readonly ScoreBand[] = [
  {
    id: 'eligible',
    min: 12,
    max: MAX_SCORE,
    decision: 'active',
    title: 'Eligible',
    meaning: 'May become an active cohort candidate (at most 3 per record).',
  },
  {
    id: 'rfc',
    min: 8,
    max: 11,
    decision: 'rfc',
    title: 'RFC / design',
    meaning: 'Worth a design record or direct-construction experiment, not a catalog entry.',
  },
  { id: 'defer', min: 0, max: 7, decision: 'deferred', title: 'Defer', meaning: 'Deferred with a concrete blocker and a revisit trigger.' },
];

export function bandOf(total: number): ScoreBand {
  return SCORE_BANDS.find((band) => total >= band.min && total <= band.max)!;
}

/** Most active candidates one record may select: a cohort is a focus, not a wish list. */
export const MAX_ACTIVE = 3;

export { PROMOTION_LEVELS, type PromotionLevel } from '../promotion/requirements.ts';

export interface PromotionRule {
  level: PromotionLevel;
  /** What a provider at this level may advertise. */
  advertises: string;
  /** What must exist before a provider is promoted to this level (from src/worldforge/promotion/requirements.ts). */
  requires: readonly string[];
}

const ADVERTISES: Record<PromotionLevel, string> = {
  scaffold: 'Nothing. The name is reserved and every capability fails closed.',
  experimental: 'Capabilities exercised with an injected fake runtime or recorded exchanges.',
  beta: 'Capabilities with passing conformance evidence and a recorded live smoke.',
  stable: 'Capabilities backed by repeated smoke evidence and release gating.',
};

const ruleOf = (level: PromotionLevel): PromotionRule => ({
  level,
  advertises: ADVERTISES[level],
  requires: requirementsOf(level).map((r) => r.text),
});

/** The promotion matrix: a provider moves up one level at a time, only with this evidence. */
export const PROMOTION_RULES: Record<PromotionLevel, PromotionRule> = {
  scaffold: ruleOf('scaffold'),
  experimental: ruleOf('experimental'),
  beta: ruleOf('beta'),
  stable: ruleOf('stable'),
};
