/** Scene-fixture evidence: one case per fixture under fixtures/scenes/, validated by the scene validator. */
import { z } from 'zod';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { FIXTURE_ORIGINS } from '../../fixtures/schema.ts';
import { caseStatusSchema } from '../../schema/primitives.ts';
import { SCENE_ERROR_CODE_LIST } from '../../scene/codes.ts';

export const SCENES_SCHEMA = 'worldforge.evidence.scenes@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const SCENES_KIND = { id: 'scenes', schemaName: SCENES_SCHEMA } as const;

export const sceneIssueSchema = () =>
  z.strictObject({
    /** Dotted path inside the artifact. */
    path: z.string().min(1),
    /** Stable scene error code. */
    code: z.enum(SCENE_ERROR_CODE_LIST),
    /** What was wrong (values that could name a host or carry a credential are never echoed). */
    message: z.string().min(1),
  });

export const sceneCaseSchema = () =>
  z.strictObject({
    /** Fixture id, `scenes.<file name>`. */
    fixture_id: z.string().regex(/^scenes\.(valid|invalid)-[a-z0-9-]+$/),
    /** Repository-relative path of the fixture file. */
    fixture_path: z.string().min(1),
    /** The fixture's one-sentence description. */
    description: z.string().min(1),
    /** The fixture's origin. */
    origin: z.enum(FIXTURE_ORIGINS),
    /** `accepted`, or `rejected <code>`. */
    expected: z.string().min(1),
    /** `accepted`, or `rejected` with the codes found. */
    observed: z.string().min(1),
    /** Every issue the validator reported (empty when accepted). */
    issues: z.array(sceneIssueSchema()),
    /** Whether the outcome matched the expectation. */
    status: caseStatusSchema(),
  });
export type SceneCase = z.infer<ReturnType<typeof sceneCaseSchema>>;

export const scenesBodySchema = () =>
  z.strictObject({
    /** Folder the corpus was read from. */
    corpus: z.string().min(1),
    /** Scene artifact schema version the validator enforces. */
    artifact_schema_version: z.string().min(1),
    /** Fixtures by expectation. */
    counts: z.strictObject({ valid: z.int().min(0), invalid: z.int().min(0) }),
    /** One case per fixture, sorted by fixture id. */
    cases: z.array(sceneCaseSchema()),
  });

export const scenesEvidenceSchema = () => evidenceDocumentSchema(SCENES_SCHEMA, scenesBodySchema());
export type ScenesEvidence = z.infer<ReturnType<typeof scenesEvidenceSchema>>;
