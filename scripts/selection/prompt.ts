/**
 * `selection new` in a terminal: asks for each field, explains every rubric criterion while
 * scoring, proposes the decision the computed band implies, and asks for a blocker, revisit
 * trigger or override reason only when the decision needs one. Answers already given as flags are
 * used as defaults. The question function is injected so tests can script the answers.
 */
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { isConcrete } from '../../src/worldforge/records/common.ts';
import {
  bandOf,
  CRITERIA,
  CRITERION_IDS,
  MAX_SCORE,
  scoreTotal,
  SELECTION_DECISIONS,
  type CriterionId,
  type SelectionDecision,
} from '../../src/worldforge/records/rubric.ts';
import type { SelectionCandidate } from '../../src/worldforge/records/selection.ts';
import { RUNTIME_OWNERSHIPS } from '../../src/worldforge/providers/profile.ts';
import { parseCapabilities } from './flags.ts';
import type { RecordDraft } from './render.ts';

/** Asks one question and returns the raw answer (without the trailing newline). */
export type Ask = (question: string) => Promise<string>;
export type Say = (line: string) => void;

interface Question<T> {
  label: string;
  fallback?: string;
  /** Returns the parsed value, or throws an Error whose message is shown before asking again. */
  parse: (answer: string) => T;
}

async function askUntil<T>(ask: Ask, say: Say, q: Question<T>): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const raw = (await ask(`${q.label}${q.fallback ? ` [${q.fallback}]` : ''}: `)).trim();
    try {
      return q.parse(raw === '' && q.fallback !== undefined ? q.fallback : raw);
    } catch (error) {
      say(`  ✖ ${(error as Error).message}`);
    }
  }
  throw new Error(`no valid answer for "${q.label}" after 20 attempts`);
}

const text = (min: number) => (answer: string) => {
  if (answer.length < min) throw new Error(`write at least ${min} characters`);
  return answer;
};
const concrete = (answer: string) => {
  if (!isConcrete(answer)) throw new Error('be concrete: at least 20 characters, no placeholder such as TBD');
  return answer;
};
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (answer: string) => {
    if (!(values as readonly string[]).includes(answer)) throw new Error(`one of ${values.join(', ')}`);
    return answer as T;
  };
const slug = (answer: string) => {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(answer)) throw new Error('lower-case letters, digits and dashes');
  return answer;
};

async function askCandidate(ask: Ask, say: Say, id: string): Promise<SelectionCandidate> {
  const name = await askUntil(ask, say, { label: '  Name', fallback: id, parse: text(2) });
  const capabilities = await askUntil(ask, say, {
    label: `  Capabilities (comma list of ${CAPABILITIES.join(', ')})`,
    parse: parseCapabilities,
  });
  const upstream = await askUntil(ask, say, { label: '  Upstream runtime or API', parse: text(10) });
  const runtime_ownership = await askUntil(ask, say, {
    label: `  Runtime ownership (${RUNTIME_OWNERSHIPS.join(' | ')})`,
    parse: oneOf(RUNTIME_OWNERSHIPS),
  });
  const fixture_strategy = await askUntil(ask, say, { label: '  Fixture strategy', parse: text(10) });
  const smoke_feasibility = await askUntil(ask, say, { label: '  Prepared-host smoke feasibility', parse: text(10) });
  const license_risk = await askUntil(ask, say, { label: '  Licence / maintenance risk', parse: text(10) });
  say('  Rubric: score each criterion 0, 1 or 2 (higher is better, also for burden and risk).');
  const scores = {} as Record<CriterionId, 0 | 1 | 2>;
  for (const criterion of CRITERION_IDS) {
    const c = CRITERIA[criterion];
    say(`    ${c.title}: ${c.question}`);
    for (const [points, meaning] of c.points.entries()) say(`      ${points} = ${meaning}`);
    scores[criterion] = await askUntil(ask, say, {
      label: `    ${c.title}`,
      parse: (a) => Number(oneOf(['0', '1', '2'] as const)(a)) as 0 | 1 | 2,
    });
  }
  const total = scoreTotal(scores);
  const band = bandOf(total);
  say(`  Total ${total}/${MAX_SCORE}: band ${band.title} (${band.min}–${band.max}) suggests '${band.decision}'.`);
  const decision: SelectionDecision = await askUntil(ask, say, {
    label: `  Decision (${SELECTION_DECISIONS.join(' | ')})`,
    fallback: band.decision,
    parse: oneOf(SELECTION_DECISIONS),
  });
  const candidate: SelectionCandidate = {
    id,
    name,
    capabilities,
    upstream,
    runtime_ownership,
    fixture_strategy,
    smoke_feasibility,
    license_risk,
    scores,
    decision,
  };
  if (decision !== band.decision) {
    candidate.override_reason = await askUntil(ask, say, {
      label: `  Why ${decision} despite the score (override reason)`,
      parse: text(10),
    });
  }
  if (decision === 'deferred') {
    candidate.blocker = await askUntil(ask, say, { label: '  Blocker (what is missing now)', parse: concrete });
    candidate.revisit_trigger = await askUntil(ask, say, { label: '  Revisit trigger (the event that reopens it)', parse: concrete });
  }
  const designRecord = await askUntil(ask, say, {
    label: '  Design record id (blank for none)',
    fallback: '',
    parse: (a) => (a === '' ? '' : slug(a)),
  });
  if (designRecord) candidate.design_record = designRecord;
  return candidate;
}

/** Asks for a whole record. `defaults` come from flags given alongside the prompt. */
export async function promptRecord(
  ask: Ask,
  say: Say,
  defaults: Partial<Omit<RecordDraft, 'candidates'>> & { candidates?: SelectionCandidate[] },
): Promise<RecordDraft> {
  say('New provider cohort selection record. Press Enter to accept a [default].');
  const id = await askUntil(ask, say, { label: 'Record id (also the file name)', fallback: defaults.id, parse: slug });
  const title = await askUntil(ask, say, { label: 'Title', fallback: defaults.title, parse: text(5) });
  const cohort = await askUntil(ask, say, { label: 'Cohort id', fallback: defaults.cohort ?? id, parse: slug });
  const decision_date = await askUntil(ask, say, {
    label: 'Decision date (YYYY-MM-DD)',
    fallback: defaults.decision_date,
    parse: (a) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a)) throw new Error('write the date as YYYY-MM-DD');
      return a;
    },
  });
  const summary = await askUntil(ask, say, { label: 'Summary (one paragraph)', fallback: defaults.summary, parse: text(20) });
  const candidates = [...(defaults.candidates ?? [])];
  for (;;) {
    const active = candidates.filter((c) => c.decision === 'active').length;
    say(`${candidates.length} candidate(s) so far, ${active} active (at most 3).`);
    const next = await askUntil(ask, say, {
      label: 'Next candidate id (blank to finish)',
      fallback: '',
      parse: (a) => {
        if (a === '') {
          if (candidates.length === 0) throw new Error('add at least one candidate');
          return '';
        }
        if (candidates.some((c) => c.id === a)) throw new Error(`'${a}' is already a candidate`);
        return slug(a);
      },
    });
    if (next === '') break;
    candidates.push(await askCandidate(ask, say, next));
  }
  return { id, title, cohort, decision_date, summary, candidates };
}
