/**
 * `selection new` from flags. Per-candidate fields are repeatable `<candidate-id>=<value>` options,
 * so any text (commas, colons, equals signs after the first) survives shell quoting unchanged.
 */
import { CAPABILITIES, type Capability } from '../../src/worldforge/capabilities/index.ts';
import {
  bandOf,
  CRITERION_IDS,
  scoreTotal,
  SELECTION_DECISIONS,
  type CriterionId,
  type SelectionDecision,
} from '../../src/worldforge/records/rubric.ts';
import type { SelectionCandidate } from '../../src/worldforge/records/selection.ts';
import { RUNTIME_OWNERSHIPS } from '../../src/worldforge/providers/profile.ts';

export class FlagError extends Error {}

/** Option name → candidate field, for the `<id>=<value>` options. */
export const CANDIDATE_FLAGS = {
  name: 'name',
  capabilities: 'capabilities',
  upstream: 'upstream',
  ownership: 'runtime_ownership',
  fixtureStrategy: 'fixture_strategy',
  smoke: 'smoke_feasibility',
  licenseRisk: 'license_risk',
  scores: 'scores',
  decision: 'decision',
  blocker: 'blocker',
  revisitTrigger: 'revisit_trigger',
  overrideReason: 'override_reason',
  designRecord: 'design_record',
} as const;
type FlagName = keyof typeof CANDIDATE_FLAGS;

/** Flag spelling on the command line, for messages. */
export const flagSpelling = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const REQUIRED_CANDIDATE_FLAGS: readonly FlagName[] = [
  'capabilities',
  'upstream',
  'ownership',
  'fixtureStrategy',
  'smoke',
  'licenseRisk',
  'scores',
];

export type CandidateFlags = Partial<Record<FlagName, string[]>> & { candidate?: string[] };

/** Parses `0,1,2,…` (8 points in rubric order) into a scores map. */
export function parseScores(text: string): Record<CriterionId, 0 | 1 | 2> {
  const points = text.split(/[\s,]+/).filter(Boolean);
  if (points.length !== CRITERION_IDS.length || points.some((p) => !/^[012]$/.test(p))) {
    throw new FlagError(
      `scores must be ${CRITERION_IDS.length} points of 0, 1 or 2 in rubric order (${CRITERION_IDS.join(', ')}), found ${JSON.stringify(text)}`,
    );
  }
  return Object.fromEntries(CRITERION_IDS.map((id, i) => [id, Number(points[i])])) as Record<CriterionId, 0 | 1 | 2>;
}

export function parseCapabilities(text: string): Capability[] {
  const caps = text.split(/[\s,]+/).filter(Boolean);
  const unknown = caps.filter((c) => !(CAPABILITIES as readonly string[]).includes(c));
  if (caps.length === 0 || unknown.length)
    throw new FlagError(
      `capabilities must be a comma list of ${CAPABILITIES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    );
  return caps as Capability[];
}

/** Groups the `<id>=<value>` options by candidate id. */
function byCandidate(flags: CandidateFlags, ids: readonly string[]): Map<string, Partial<Record<FlagName, string>>> {
  const out = new Map(ids.map((id) => [id, {} as Partial<Record<FlagName, string>>]));
  for (const name of Object.keys(CANDIDATE_FLAGS) as FlagName[]) {
    for (const pair of flags[name] ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 1) throw new FlagError(`${flagSpelling(name)} expects <candidate-id>=<value>, found ${JSON.stringify(pair)}`);
      const id = pair.slice(0, eq);
      const entry = out.get(id);
      if (!entry)
        throw new FlagError(
          `${flagSpelling(name)} names candidate '${id}', which no --candidate declares (declared: ${ids.join(', ') || 'none'})`,
        );
      if (entry[name] !== undefined) throw new FlagError(`${flagSpelling(name)} is given twice for candidate '${id}'`);
      entry[name] = pair.slice(eq + 1);
    }
  }
  return out;
}

/** Candidates from flags; the decision defaults to the band of the computed score. */
export function candidatesFromFlags(flags: CandidateFlags): SelectionCandidate[] {
  const ids = flags.candidate ?? [];
  if (ids.length === 0) throw new FlagError('declare at least one --candidate <id>');
  const grouped = byCandidate(flags, ids);
  return ids.map((id) => {
    const f = grouped.get(id)!;
    const missing = REQUIRED_CANDIDATE_FLAGS.filter((name) => f[name] === undefined);
    if (missing.length) throw new FlagError(`candidate '${id}' is missing ${missing.map((m) => `${flagSpelling(m)} ${id}=…`).join(', ')}`);
    if (f.ownership && !(RUNTIME_OWNERSHIPS as readonly string[]).includes(f.ownership)) {
      throw new FlagError(`--ownership ${id}=… must be one of ${RUNTIME_OWNERSHIPS.join(', ')}`);
    }
    if (f.decision && !(SELECTION_DECISIONS as readonly string[]).includes(f.decision)) {
      throw new FlagError(`--decision ${id}=… must be one of ${SELECTION_DECISIONS.join(', ')}`);
    }
    const scores = parseScores(f.scores!);
    const candidate: SelectionCandidate = {
      id,
      name: f.name ?? id,
      capabilities: parseCapabilities(f.capabilities!),
      upstream: f.upstream!,
      runtime_ownership: f.ownership as SelectionCandidate['runtime_ownership'],
      fixture_strategy: f.fixtureStrategy!,
      smoke_feasibility: f.smoke!,
      license_risk: f.licenseRisk!,
      scores,
      decision: (f.decision as SelectionDecision | undefined) ?? bandOf(scoreTotal(scores)).decision,
    };
    if (f.overrideReason !== undefined) candidate.override_reason = f.overrideReason;
    if (f.blocker !== undefined) candidate.blocker = f.blocker;
    if (f.revisitTrigger !== undefined) candidate.revisit_trigger = f.revisitTrigger;
    if (f.designRecord !== undefined) candidate.design_record = f.designRecord;
    return candidate;
  });
}
