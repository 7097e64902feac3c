/**
 * Provider cohort selection records (`content/selection-records/<id>.md`): the frontmatter schema
 * and the per-record rules (active limit, deferral, score band) as refinements tagged with their
 * check rule id. The CLI, `npm run check` and the site's content collection all parse with this
 * schema, so a record the check refuses also fails the site build.
 */
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { RUNTIME_OWNERSHIPS } from '../providers/profile.ts';
import { isConcrete, isoDate, prose, recordId, ruleIssue } from './common.ts';
import { bandOf, CRITERION_IDS, MAX_ACTIVE, MAX_SCORE, SELECTION_DECISIONS, scoreTotal, type CriterionId } from './rubric.ts';

const point = () => z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'must be 0, 1 or 2' });

/** One 0–2 score per rubric criterion; every criterion is required and nothing else is allowed. */
export const rubricScoresSchema = () =>
  z.strictObject(Object.fromEntries(CRITERION_IDS.map((id) => [id, point()])) as Record<CriterionId, ReturnType<typeof point>>);

export const selectionCandidateSchema = () =>
  z.strictObject({
    /** Stable id, unique within the record; claims cite `selection-records/<record>#<id>`. */
    id: recordId(),
    /** Display name. */
    name: prose(2),
    /** Capabilities the candidate would serve (existing capability contracts only). */
    capabilities: z.array(z.enum(CAPABILITIES)).min(1),
    /** The upstream runtime or API it would integrate against. */
    upstream: prose(),
    /** Who would own the runtime (same vocabulary as provider profiles). */
    runtime_ownership: z.enum(RUNTIME_OWNERSHIPS),
    /** How its behaviour would be pinned with checkout-safe fixtures. */
    fixture_strategy: prose(),
    /** Whether, and how, a prepared host could run a repeatable live smoke. */
    smoke_feasibility: prose(),
    /** Licence and maintenance risk. */
    license_risk: prose(),
    /** Rubric points per criterion. The total is computed from these, never typed. */
    scores: rubricScoresSchema(),
    /** The decision for this cohort. */
    decision: z.enum(SELECTION_DECISIONS),
    /** For a deferral: the concrete thing that blocks it now. */
    blocker: prose().optional(),
    /** For a deferral: the observable event that reopens the decision. */
    revisit_trigger: prose().optional(),
    /** Why the decision departs from the band its score implies (only then). */
    override_reason: prose().optional(),
    /** Id of a design record under content/design-records/ that details this candidate. */
    design_record: recordId().optional(),
  });
export type SelectionCandidate = z.infer<ReturnType<typeof selectionCandidateSchema>>;

/** The record frontmatter without the cross-candidate rules (used to type the rule function). */
export const selectionRecordShape = () =>
  z.strictObject({
    /** Equal to the file name without `.md`; claims cite `selection-records/<id>`. */
    id: recordId(),
    /** Page heading. */
    title: prose(5),
    /** The cohort this record selects (e.g. `cohort-1`). */
    cohort: recordId(),
    /** When the decision was taken (authored, never the clock). */
    decision_date: isoDate(),
    /** One paragraph: what was decided and why now. */
    summary: prose(20),
    /** Every candidate considered, selected or not. */
    candidates: z.array(selectionCandidateSchema()).min(1),
  });
type RecordShape = z.infer<ReturnType<typeof selectionRecordShape>>;

function selectionRules(record: RecordShape, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  record.candidates.forEach((candidate, i) => {
    if (seen.has(candidate.id)) {
      ruleIssue(ctx, ['candidates', i, 'id'], `candidate id '${candidate.id}' is used twice`, {
        rule: 'selection-schema',
        expected: 'unique candidate ids',
        hint: 'rename one of the candidates; ids are cited by claims',
      });
    }
    seen.add(candidate.id);
  });

  const active = record.candidates.flatMap((c, i) => (c.decision === 'active' ? [{ c, i }] : []));
  for (const { c, i } of active.slice(MAX_ACTIVE)) {
    ruleIssue(
      ctx,
      ['candidates', i, 'decision'],
      `'${c.id}' is active candidate ${active.findIndex((a) => a.i === i) + 1} of ${active.length} (${active.map((a) => a.c.id).join(', ')})`,
      {
        rule: 'selection-active-limit',
        expected: `at most ${MAX_ACTIVE} active candidates per record`,
        hint: `choose ${MAX_ACTIVE} to pursue now; make the others rfc, or deferred with a blocker and a revisit trigger`,
      },
    );
  }

  record.candidates.forEach((c, i) => {
    if (c.decision === 'deferred') {
      if (!isConcrete(c.blocker)) {
        ruleIssue(
          ctx,
          ['candidates', i, 'blocker'],
          c.blocker === undefined
            ? `deferred candidate '${c.id}' has no blocker`
            : `blocker of '${c.id}' is a placeholder: ${JSON.stringify(c.blocker)}`,
          {
            rule: 'selection-deferral',
            expected: 'a concrete blocker (≥ 20 characters) for a deferred candidate',
            hint: 'add `blocker:` naming what is missing upstream or on the host, e.g. "no public automation API or SDK"',
          },
        );
      }
      if (!isConcrete(c.revisit_trigger)) {
        ruleIssue(
          ctx,
          ['candidates', i, 'revisit_trigger'],
          c.revisit_trigger === undefined
            ? `deferred candidate '${c.id}' has no revisit trigger`
            : `revisit_trigger of '${c.id}' is a placeholder: ${JSON.stringify(c.revisit_trigger)}`,
          {
            rule: 'selection-deferral',
            expected: 'a concrete revisit trigger (≥ 20 characters) for a deferred candidate',
            hint: 'add `revisit_trigger:` naming the observable event that reopens the decision, e.g. "a documented public API with auth and artifact schema"',
          },
        );
      }
    }
    const total = scoreTotal(c.scores);
    const band = bandOf(total);
    if (c.decision !== band.decision && c.override_reason === undefined) {
      ruleIssue(
        ctx,
        ['candidates', i, 'decision'],
        `'${c.id}' is ${c.decision} but its computed score ${total}/${MAX_SCORE} is in band ${band.min}–${band.max} (${band.title})`,
        {
          rule: 'selection-score-band',
          expected: `decision '${band.decision}' for a score of ${total}, or an override_reason`,
          hint: `set decision: ${band.decision}, re-check the scores, or add \`override_reason:\` saying why ${c.decision} is right despite the score`,
        },
      );
    }
    if (c.decision === band.decision && c.override_reason !== undefined) {
      ruleIssue(
        ctx,
        ['candidates', i, 'override_reason'],
        `'${c.id}' has an override_reason but its decision already agrees with its score ${total}/${MAX_SCORE}`,
        {
          rule: 'selection-score-band',
          expected: 'override_reason only when the decision departs from the score band',
          hint: 'remove `override_reason:` (a stale override hides the next real disagreement)',
        },
      );
    }
  });
}

export const selectionRecordSchema = () => selectionRecordShape().superRefine(selectionRules);
export type SelectionRecord = z.infer<ReturnType<typeof selectionRecordSchema>>;
