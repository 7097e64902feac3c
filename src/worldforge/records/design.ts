/**
 * Design records (`content/design-records/<id>.md`): a decision about a boundary or a runtime,
 * with its candidates, what the host owns and, for a deferral, a blocker and a revisit trigger.
 * Claims cite them as `design-records/<id>`; provider pages link the record naming the provider.
 */
import { z } from 'zod';
import { capabilitySchema } from '../schema/primitives.ts';
import { isoDate, prose, recordId } from './common.ts';

export const DESIGN_DECISIONS = ['accepted', 'deferred', 'rejected'] as const;
export const DESIGN_KINDS = ['artifact-boundary', 'provider-runtime'] as const;
export const CANDIDATE_VERDICTS = ['accepted', 'rejected', 'deferred'] as const;

export const designCandidateSchema = () =>
  z.strictObject({
    /** The option considered (a runtime, an API style, a format). */
    name: prose(3),
    /** What became of it. */
    verdict: z.enum(CANDIDATE_VERDICTS),
    /** Why, in one or two sentences. */
    reason: prose(),
  });

/** Whether the decision maps to a capability now, or the mapping is deferred. */
export const capabilityMappingSchema = () =>
  z.strictObject({
    /** The capability contract the artifact or runtime would surface through. */
    capability: capabilitySchema(),
    /** `mapped`: the capability returns it today; `deferred`: designed, no provider returns it yet. */
    status: z.enum(['mapped', 'deferred']),
    /** Why that status. */
    reason: prose(),
  });

/**
 * The record frontmatter, structure only: the rules across fields (a deferral's blocker and
 * trigger, an artifact boundary's capability mapping, unique candidate names) and the links are
 * check rules (`design-record-schema`, `design-record-links` in src/worldforge/checks/rules/).
 */
export const designRecordSchema = () =>
  z.strictObject({
    /** Equal to the file name without `.md`; claims cite `design-records/<id>`. */
    id: recordId(),
    /** Page heading. */
    title: prose(5),
    /** What kind of decision this is. */
    kind: z.enum(DESIGN_KINDS),
    /** When the decision was taken (authored, never the clock). */
    decision_date: isoDate(),
    /** The decision itself. */
    decision: z.enum(DESIGN_DECISIONS),
    /** One paragraph: what was decided. */
    summary: prose(20),
    /** Catalog provider names the decision governs; their pages link this record. */
    providers: z.array(recordId()).default([]),
    /** Capability mapping, for artifact boundaries. */
    capability_mapping: capabilityMappingSchema().optional(),
    /** What the host, not WorldForge, owns (runtimes, credentials, storage, retention). */
    host_owns: z.array(prose(5)).min(1),
    /** Options considered and their verdicts. */
    candidates: z.array(designCandidateSchema()).default([]),
    /** For a deferral: what blocks it now. */
    blocker: prose().optional(),
    /** For a deferral: the observable event that reopens it. */
    revisit_trigger: prose().optional(),
    /** `<selection record id>#<candidate id>` this record details, if any. */
    selection: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$/, { message: 'must look like <record-id>#<candidate-id>' })
      .optional(),
  });
export type DesignRecord = z.infer<ReturnType<typeof designRecordSchema>>;
