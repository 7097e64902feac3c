/**
 * Evaluation suites: named scenarios run against one provider, each producing finite metrics that
 * are compared with pass thresholds. A scenario also states what it EXPECTS of the provider
 * (`pass` or `known-failure`), so a deliberately strict scenario is labelled as such and a known
 * failure that starts passing is itself reported (a ratchet).
 */
import { z } from 'zod';
import type { Capability } from '../capabilities/index.ts';
import type { Provider } from '../providers/base.ts';
import { capabilitySchema } from '../schema/primitives.ts';

/** What a scenario expects of the provider: `pass`, or `known-failure` for deliberately strict scenarios. */
export const SCENARIO_EXPECTATIONS = ['pass', 'known-failure'] as const;

/** How a threshold compares: the metric must be `<=` or `>=` the value. */
export const THRESHOLD_OPS = ['<=', '>='] as const;

/** A metric name (`snake_case`), as scenarios report it and thresholds cite it. */
const metricNameSchema = () => z.string().regex(/^[a-z][a-z0-9_]*$/);

export const thresholdSchema = () =>
  z.strictObject({
    /** Metric the threshold applies to; must be one the scenario reports. */
    metric: metricNameSchema(),
    /** Comparison: the metric must be `<=` or `>=` the value. */
    op: z.enum(THRESHOLD_OPS),
    /** Finite threshold value. */
    value: z.number(),
  });
export type Threshold = z.infer<ReturnType<typeof thresholdSchema>>;

/** Scenario metadata, validated before any scenario runs. */
export const scenarioDefinitionSchema = () =>
  z
    .strictObject({
      /** Scenario id, unique within its suite. */
      id: z.string().regex(/^[a-z][a-z0-9-]*$/),
      /** What the scenario exercises, in one sentence. */
      description: z.string().min(10),
      /** `pass` for ordinary scenarios; `known-failure` for deliberately strict ones the provider is expected to fail. */
      expectation: z.enum(SCENARIO_EXPECTATIONS),
      /** Why a known failure is expected (required for known failures). */
      expectation_note: z.string().min(10).optional(),
      /** Names of the metrics the scenario reports. */
      metrics: z.array(metricNameSchema()).min(1),
      /** Pass thresholds; every threshold must hold for the scenario to pass. */
      thresholds: z.array(thresholdSchema()).min(1),
    })
    .superRefine((s, ctx) => {
      s.thresholds.forEach((t, i) => {
        if (!s.metrics.includes(t.metric)) {
          ctx.addIssue({
            code: 'custom',
            path: ['thresholds', i, 'metric'],
            message: `'${t.metric}' is not one of the scenario's metrics (${s.metrics.join(', ')})`,
          });
        }
      });
      if (s.expectation === 'known-failure' && !s.expectation_note) {
        ctx.addIssue({
          code: 'custom',
          path: ['expectation_note'],
          message: 'a known-failure scenario must say why it is expected to fail',
        });
      }
    });
export type ScenarioDefinition = z.infer<ReturnType<typeof scenarioDefinitionSchema>>;

export const suiteDefinitionSchema = () =>
  z.strictObject({
    /** Suite name (also its evidence and gallery file name). */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'a suite needs a name: lower-case letters, digits, dashes' }),
    /** Suite version; bump it when scenarios or thresholds change meaning. */
    version: z.string().regex(/^\d+$/),
    /** Capability the suite exercises. */
    capability: capabilitySchema(),
    /** What the suite's results do NOT show. */
    claim_boundary: z.string().min(20),
    /** How to read the metrics. */
    metric_semantics: z.string().min(20),
  });

/** What running a scenario returns: finite metrics and a short observed summary. */
export interface ScenarioRun {
  metrics: Record<string, number>;
  observed: string;
  /** The request(s) sent, for the input digest. */
  input: unknown;
  /** The provider result(s), for the result digest. */
  result: unknown;
}

export interface Scenario extends ScenarioDefinition {
  run: (provider: Provider) => Promise<ScenarioRun>;
}

export interface EvaluationSuite extends z.infer<ReturnType<typeof suiteDefinitionSchema>> {
  capability: Capability;
  /** Source module, an input of the suite's evidence. */
  source: string;
  /** Other modules its scenarios run through (e.g. the plan facade), also inputs of its evidence. */
  extraSources?: readonly string[];
  scenarios: Scenario[];
}
