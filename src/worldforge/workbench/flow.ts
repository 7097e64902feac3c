/**
 * The workbench flow: pure functions from a subject's facts to its promotion report — each
 * promotion requirement met, missing or not applicable (with why), the level the evidence earns,
 * what is missing for the next status, drift, and the validation commands. The CLI renders this
 * report as text or Markdown; a terminal view would step through the same `steps`. Nothing here
 * reads files or the clock, so the flow is tested with hand-built facts.
 */
import { PROMOTION_LEVELS, PROMOTION_REQUIREMENTS, type PromotionLevel, type PromotionRequirement } from '../promotion/requirements.ts';
import type { WorkbenchFacts } from './facts.ts';

export type RequirementStatus = 'met' | 'missing' | 'n/a';

export interface RequirementResult {
  requirement: PromotionRequirement;
  status: RequirementStatus;
  /** Why, in one sentence; names files by repository-relative path only. */
  detail: string;
}

/** One screen of the flow: a heading, its status and its lines. */
export interface WorkbenchStep {
  id: 'status' | 'requirements' | 'runtime' | 'fixtures' | 'drift' | 'conformance' | 'redaction' | 'next';
  title: string;
  ok: boolean;
  lines: string[];
}

export interface WorkbenchReport {
  subject: string;
  source: WorkbenchFacts['source'];
  /** Declared status; `candidate` when no scaffold exists yet. */
  status: PromotionLevel | 'candidate';
  /** Highest level whose requirements (and every lower level's) are met, or null. */
  earned: PromotionLevel | null;
  /** The status after `status`, or null at stable. */
  next: PromotionLevel | null;
  requirements: RequirementResult[];
  /** Unmet requirements up to and including the next status (at stable: those of stable). */
  missing: RequirementResult[];
  steps: WorkbenchStep[];
  validationCommands: string[];
  /** Repository-relative files a reviewer can open; never host paths or URLs. */
  artifacts: string[];
}

const rank = (level: PromotionLevel | null) => (level ? PROMOTION_LEVELS.indexOf(level) : -1);
const met = (detail: string) => ({ status: 'met' as const, detail });
const missing = (detail: string) => ({ status: 'missing' as const, detail });
const na = (detail: string) => ({ status: 'n/a' as const, detail });

type Probe = (f: WorkbenchFacts) => { status: RequirementStatus; detail: string };

const promoted = (f: WorkbenchFacts) => rank(f.maturity) > rank('scaffold');
const checkoutSafe = (f: WorkbenchFacts) => f.runtimeOwnership === 'checkout-safe';
const passedCases = (f: WorkbenchFacts, kind: string) => f.conformance.cases.filter((c) => c.kind === kind && c.status === 'passed');
const publicPasses = (f: WorkbenchFacts) => f.liveSmoke.filter((l) => l.status === 'passed' && l.endpoint === 'public');

/** How each requirement id is decided from facts. Every id in PROMOTION_REQUIREMENTS has one. */
export const PROBES: Record<string, Probe> = {
  'profile-advertises-nothing': (f) =>
    promoted(f)
      ? na(`promoted past scaffold; advertises ${f.advertised.join(', ') || 'nothing'}`)
      : f.source === 'candidate'
        ? missing('no scaffold yet: nothing reserves the name')
        : f.advertised.length
          ? missing(`advertises ${f.advertised.join(', ')}`)
          : met('the profile advertises no capability'),
  'fails-closed-evidence': (f) => {
    if (f.conformance.status === 'missing') {
      return missing(
        f.source === 'scaffold'
          ? 'not in the catalog: the scaffold test shows it, conformance evidence does not yet'
          : `no ${f.conformance.path}`,
      );
    }
    const closed = f.conformance.cases.filter((c) => c.kind === 'fails-closed');
    return closed.length && closed.every((c) => c.status === 'passed')
      ? met(`${closed.length} fails-closed case(s) passed in ${f.conformance.path}`)
      : missing(`fails-closed cases failing in ${f.conformance.path}`);
  },
  'reservation-record': (f) =>
    promoted(f)
      ? na('promoted past scaffold')
      : f.designRecords.length
        ? met(f.designRecords.join(', '))
        : missing(`no design record content/design-records/${f.subject}.md`),
  'exercised-offline': (f) => {
    if (f.runtimeOwnership === 'remote-api') {
      return f.exchanges.length
        ? met(`${f.exchanges.length} recorded exchange(s)`)
        : missing(`no recorded exchanges under fixtures/providers/${f.subject}/`);
    }
    const calls = passedCases(f, 'call');
    return calls.length
      ? met(`${calls.length} advertised call case(s) passed`)
      : missing('no advertised capability passes a conformance call case');
  },
  'typed-failure-modes': (f) => {
    if (f.runtime.status === 'manifest' && f.runtime.triageCodes.length) return met(`triage for ${f.runtime.triageCodes.join(', ')}`);
    const rejects = passedCases(f, 'rejects-invalid').filter((c) => c.advertised);
    if (checkoutSafe(f) && rejects.length) return met(`${rejects.length} typed invalid_input case(s) passed`);
    return missing('no runtime manifest triage entries and no passing typed-error cases');
  },
  'smoke-path': (f) =>
    checkoutSafe(f)
      ? na('checkout-safe: runs in every checkout, no host to smoke')
      : f.smokeSpec
        ? met(`npx worldforge smoke ${f.subject}`)
        : f.candidate?.blocker
          ? met(`recorded blocker in selection record ${f.candidate.record}`)
          : missing('no smoke spec (ProviderOperations) and no recorded blocker'),
  'passing-conformance': (f) => {
    const thin = f.capabilityFixtures.filter((c) => !c.valid || !c.invalid).map((c) => c.capability);
    if (f.conformance.status !== 'passed') return missing(`conformance evidence ${f.conformance.status}`);
    if (!f.advertised.length) return missing('advertises no capability');
    return thin.length
      ? missing(`no valid and invalid capability fixture for ${thin.join(', ')}`)
      : met(`${f.conformance.cases.length} case(s) passed`);
  },
  'runtime-manifest': (f) =>
    checkoutSafe(f)
      ? na('checkout-safe: no host runtime')
      : f.runtime.status === 'manifest'
        ? met(f.runtime.id)
        : f.runtime.status === 'stub'
          ? missing(`${f.runtime.path} is an incomplete stub (missing ${f.runtime.missing.join(', ')})`)
          : missing('no runtime manifest'),
  'live-smoke-run': (f) => {
    if (checkoutSafe(f)) return na('checkout-safe: nothing to smoke');
    const passes = publicPasses(f);
    if (passes.length) return met(passes.map((p) => p.path).join(', '));
    const seen = f.liveSmoke.map(
      (l) => `${l.capability}: ${l.status}${l.endpoint && l.endpoint !== 'public' ? ` (${l.endpoint} rehearsal)` : ''}`,
    );
    return missing(seen.length ? `no passed public run (${seen.join('; ')})` : 'no live-smoke entry');
  },
  'provider-page': (f) =>
    f.source === 'catalog' && f.conformance.status !== 'missing'
      ? met(`rendered from ${f.conformance.path}`)
      : missing('not in the catalog: no conformance evidence to render a page from'),
  'repeated-live-smoke': (f) => {
    if (checkoutSafe(f)) return na('checkout-safe: nothing to smoke');
    const covered = new Set(publicPasses(f).map((p) => p.capability));
    const uncovered = f.advertised.filter((c) => !covered.has(c));
    return f.advertised.length && !uncovered.length
      ? met('a passed public run per advertised capability (staleness: rule claim-smoke-stale)')
      : missing(`no passed public run for ${uncovered.join(', ') || 'any capability'}`);
  },
  'release-gated': (f) =>
    f.releaseGatedClaims.length
      ? met(`release-gated claims ${f.releaseGatedClaims.join(', ')}`)
      : checkoutSafe(f) && f.checkoutTestedClaims.length
        ? met(`checkout-tested claims ${f.checkoutTestedClaims.join(', ')} (re-checked by every check, --release included)`)
        : missing('no release-gated claim cites its evidence'),
  'operator-runbook': (f) => {
    if (checkoutSafe(f)) return na('checkout-safe: no operator-owned runtime');
    if (f.runtime.status !== 'manifest') return missing('no runtime manifest triage');
    const triaged = new Set(f.runtime.triageCodes);
    const raised = [...new Set(f.exchanges.flatMap((e) => (e.error ? [e.error] : [])))];
    const untriaged = raised.filter((code) => !triaged.has(code));
    return untriaged.length
      ? missing(`no triage entry for ${untriaged.join(', ')}`)
      : met(`triage covers ${raised.length} recorded error code(s)`);
  },
  'compatibility-policy': (f) =>
    checkoutSafe(f)
      ? na('checkout-safe: no upstream version to track')
      : f.designRecords.some((r) => r.endsWith(`/${f.subject}-compatibility.md`))
        ? met(`content/design-records/${f.subject}-compatibility.md`)
        : missing(`no content/design-records/${f.subject}-compatibility.md`),
};

/** Evaluates every promotion requirement for the facts. */
export function evaluateRequirements(facts: WorkbenchFacts): RequirementResult[] {
  return PROMOTION_REQUIREMENTS.map((requirement) => {
    const probe = PROBES[requirement.id];
    if (!probe) throw new Error(`promotion requirement '${requirement.id}' has no workbench probe`);
    return { requirement, ...probe(facts) };
  });
}

/** The highest level whose requirements, and every lower level's, are all met or not applicable. */
export function earnedLevel(results: readonly RequirementResult[]): PromotionLevel | null {
  let earned: PromotionLevel | null = null;
  for (const level of PROMOTION_LEVELS) {
    if (results.some((r) => r.requirement.level === level && r.status === 'missing')) break;
    earned = level;
  }
  return earned;
}

function validationCommands(f: WorkbenchFacts): string[] {
  const base = ['npm run evidence', 'npm run check', `npx worldforge workbench ${f.subject} --markdown`];
  if (f.source === 'candidate')
    return [`npx worldforge scaffold provider ${f.subject} ${f.capabilities.map((c) => `--capability ${c}`).join(' ')}`.trim(), ...base];
  if (f.source === 'scaffold') return [`npx vitest run tests/unit/providers/${f.subject}.test.ts`, ...base, 'npm run typecheck'];
  return [...base, ...(f.smokeSpec ? [`npx worldforge smoke ${f.subject}`] : []), 'npm test'];
}

const bullet = (ok: boolean, text: string) => `${ok ? '✓' : '✗'} ${text}`;

/** Builds the whole report: requirement results, the next status, each step of the flow. */
export function buildReport(facts: WorkbenchFacts): WorkbenchReport {
  const requirements = evaluateRequirements(facts);
  const status = facts.maturity ?? 'candidate';
  const next = status === 'candidate' ? 'scaffold' : (PROMOTION_LEVELS[rank(status) + 1] ?? null);
  const horizon = rank(next ?? 'stable');
  const missingReqs = requirements.filter((r) => r.status === 'missing' && rank(r.requirement.level) <= horizon);
  const earned = earnedLevel(requirements);
  const drift = [
    ...(facts.conformance.profileDrift
      ? [`${facts.conformance.path} records a different profile than the code: run npm run evidence`]
      : []),
    ...(facts.source === 'catalog' && !facts.readmeListed ? ['README.md provider table lacks this provider: run npm run evidence'] : []),
    ...(facts.source === 'scaffold' && !facts.docsStub ? ['the scaffold docs stub is missing: re-run scaffold with --force'] : []),
    ...(facts.maturity && rank(facts.maturity) > rank(earned)
      ? [`the profile declares ${facts.maturity} but the evidence earns ${earned ?? 'no level'}`]
      : []),
  ];
  const fixtureLines = facts.capabilityFixtures.map((c) =>
    bullet(c.valid > 0 && c.invalid > 0, `${c.capability}: ${c.valid} valid, ${c.invalid} invalid capability fixture(s)`),
  );
  const conformanceFailed = facts.conformance.cases.filter((c) => c.status !== 'passed');
  const steps: WorkbenchStep[] = [
    {
      id: 'status',
      title: 'Status',
      ok: true,
      lines: [
        `${facts.source} ${facts.subject}: status ${status}, evidence earns ${earned ?? 'no level'}, next ${next ?? '(stable is the top level)'}`,
        `runtime ownership: ${facts.runtimeOwnership ?? 'unknown'}; advertised: ${facts.advertised.join(', ') || 'nothing'}; planned: ${facts.capabilities.filter((c) => !facts.advertised.includes(c)).join(', ') || 'nothing'}`,
        ...(facts.candidate
          ? [
              `selection record ${facts.candidate.record}: ${facts.candidate.decision}${facts.candidate.blocker ? `; blocker: ${facts.candidate.blocker}` : ''}`,
            ]
          : []),
        ...(facts.candidate?.revisitTrigger ? [`revisit when: ${facts.candidate.revisitTrigger}`] : []),
      ],
    },
    {
      id: 'requirements',
      title: 'Promotion evidence by status',
      ok: !missingReqs.length,
      lines: requirements.map(
        (r) =>
          `${r.requirement.level} ${r.status === 'met' ? '✓' : r.status === 'n/a' ? '–' : '✗'} ${r.requirement.text} (${r.requirement.id}): ${r.detail}`,
      ),
    },
    {
      id: 'runtime',
      title: 'Runtime manifest',
      ok: facts.runtime.status === 'manifest' || checkoutSafe(facts),
      lines: [
        facts.runtime.status === 'manifest'
          ? `${facts.runtime.id}: ${facts.runtime.smokeCommands} smoke command(s), triage for ${facts.runtime.triageCodes.length} error code(s)`
          : facts.runtime.status === 'stub'
            ? `${facts.runtime.path}: incomplete stub, never evidence (missing ${facts.runtime.missing.join(', ')})`
            : checkoutSafe(facts)
              ? 'none needed (checkout-safe)'
              : 'none',
      ],
    },
    {
      id: 'fixtures',
      title: 'Fixture coverage',
      ok: fixtureLines.every((l) => l.startsWith('✓')) && !facts.placeholders.length,
      lines: [
        ...fixtureLines,
        `${facts.exchanges.length} recorded exchange(s)${facts.exchanges.length ? ` under fixtures/providers/${facts.subject}/` : ''}`,
        ...(facts.placeholders.length
          ? [bullet(false, `${facts.placeholders.length} placeholder(s) to replace: ${facts.placeholders.join(', ')}`)]
          : []),
      ],
    },
    {
      id: 'drift',
      title: 'Docs and catalog drift',
      ok: !drift.length,
      lines: drift.length ? drift.map((d) => bullet(false, d)) : ['✓ none'],
    },
    {
      id: 'conformance',
      title: 'Conformance',
      ok: facts.conformance.status === 'passed',
      lines: [
        facts.conformance.status === 'missing'
          ? `no ${facts.conformance.path}${facts.source === 'catalog' ? '' : ' (not in the catalog)'}`
          : `${facts.conformance.path}: ${facts.conformance.status}, ${facts.conformance.cases.length - conformanceFailed.length}/${facts.conformance.cases.length} case(s) passed`,
        ...conformanceFailed.map((c) => bullet(false, `${c.id}`)),
      ],
    },
    {
      id: 'redaction',
      title: 'Redaction',
      ok: !facts.redaction.hits.length,
      lines: facts.redaction.hits.length
        ? facts.redaction.hits.map((h) => bullet(false, `${h.file}: ${h.kind}`))
        : [`✓ no secret, signed URL or host path in ${facts.redaction.scanned.length} file(s)`],
    },
    {
      id: 'next',
      title: next ? `Missing for ${next}` : 'Missing to hold stable',
      ok: !missingReqs.length,
      lines: missingReqs.length
        ? missingReqs.map((r) => `✗ ${r.requirement.text} (${r.requirement.id}): ${r.requirement.how.replaceAll('<name>', facts.subject)}`)
        : ['✓ nothing'],
    },
  ];
  const artifacts = [
    ...(facts.conformance.status === 'missing' ? [] : [facts.conformance.path]),
    ...facts.liveSmoke.map((l) => l.path),
    ...facts.designRecords,
    ...(facts.runtime.status === 'stub' ? [facts.runtime.path] : []),
    ...(facts.docsStub ? [facts.docsStub] : []),
  ];
  return {
    subject: facts.subject,
    source: facts.source,
    status,
    earned,
    next,
    requirements,
    missing: missingReqs,
    steps,
    validationCommands: validationCommands(facts),
    artifacts,
  };
}
