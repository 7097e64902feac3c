/** Evaluation evidence: one file per suite, run against one provider. */
import { z } from 'zod';
import { SCENARIO_EXPECTATIONS, THRESHOLD_OPS } from '../../evaluation/types.ts';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { capabilitySchema, providerIdSchema, sha256Schema } from '../../schema/primitives.ts';

export const EVALUATION_SCHEMA = 'worldforge.evidence.evaluation@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const EVALUATION_KIND = { id: 'evaluation', schemaName: EVALUATION_SCHEMA } as const;

export const scenarioResultSchema = () =>
  z.strictObject({
    /** Scenario id. */
    scenario: z.string().min(1),
    /** What it exercises. */
    description: z.string().min(1),
    /** What the suite expects of the provider: `pass`, or `known-failure` for deliberately strict scenarios. */
    expectation: z.enum(SCENARIO_EXPECTATIONS),
    /** Why a known failure is expected, else null. */
    expectation_note: z.string().nullable(),
    /** Finite metric values by name. */
    metrics: z.record(z.string(), z.number()),
    /** Each threshold with the observed value and whether it held. */
    thresholds: z.array(
      z.strictObject({ metric: z.string(), op: z.enum(THRESHOLD_OPS), value: z.number(), observed: z.number(), passed: z.boolean() }),
    ),
    /** Fraction of thresholds that held, in [0, 1]. */
    score: z.number().min(0).max(1),
    /** True when every threshold held. */
    passed: z.boolean(),
    /** True when `passed` agrees with `expectation`; a known failure that passes is a mismatch. */
    matches_expectation: z.boolean(),
    /** Short observed summary. */
    observed: z.string().min(1),
    /** Digest of the request(s) sent. */
    input_digest: sha256Schema(),
    /** Digest of the result(s) received (binary data summarized). */
    result_digest: sha256Schema(),
  });
export type ScenarioResult = z.infer<ReturnType<typeof scenarioResultSchema>>;

export const evaluationBodySchema = () =>
  z
    .strictObject({
      /** Suite id. */
      suite: z.string().min(1),
      /** Suite version. */
      suite_version: z.string().min(1),
      /** Provider evaluated. */
      provider: providerIdSchema(),
      /** Capability exercised. */
      capability: capabilitySchema(),
      /** How to read the metrics. */
      metric_semantics: z.string().min(1),
      /** Counts across scenarios. */
      summary: z.strictObject({
        scenario_count: z.int().min(1),
        passed_count: z.int().min(0),
        failed_count: z.int().min(0),
        known_failure_count: z.int().min(0),
        pass_rate: z.number().min(0).max(1),
        average_score: z.number().min(0).max(1),
      }),
      /** Per-scenario results, in suite order. */
      scenarios: z.array(scenarioResultSchema()).min(1),
    })
    .refine(
      (b) => b.summary.scenario_count === b.scenarios.length && b.summary.passed_count + b.summary.failed_count === b.scenarios.length,
      {
        message: 'summary counts do not match the scenarios',
        path: ['summary'],
      },
    );
export type EvaluationBody = z.infer<ReturnType<typeof evaluationBodySchema>>;

export const evaluationEvidenceSchema = () => evidenceDocumentSchema(EVALUATION_SCHEMA, evaluationBodySchema());
export type EvaluationEvidence = z.infer<ReturnType<typeof evaluationEvidenceSchema>>;
