/**
 * Provider cohort selection records (`content/selection-records/<id>.md`): the frontmatter schema,
 * structure only. The CLI, `npm run check` and the site's content collection all parse with it;
 * the rules across fields and records (unique candidate ids, active limit, deferrals, score band,
 * links) are check rules in src/worldforge/checks/rules/, which `selection check` runs too.
 */
import { z } from 'zod';
import { RUNTIME_OWNERSHIPS } from '../providers/profile.ts';
import { capabilitySchema } from '../schema/primitives.ts';
import { isoDate, prose, recordId } from './common.ts';
import { CRITERION_IDS, type CriterionId, SELECTION_DECISIONS } from './rubric.ts';

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
    capabilities: z.array(capabilitySchema()).min(1),
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

/** The record frontmatter (its rules are check rules: see the file comment). */
export const selectionRecordSchema = () =>
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
export type SelectionRecord = z.infer<ReturnType<typeof selectionRecordSchema>>;
