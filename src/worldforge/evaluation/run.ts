/**
 * Runs an evaluation suite against a provider. Definitions are validated before anything runs and
 * results before anything is returned: an unnamed suite, a threshold on an unknown metric, a
 * non-finite metric or a scenario reporting other metrics than it declares throws
 * `EvaluationError`, so no evidence file is ever written from a broken suite.
 */
import { digestOf } from '../digest.ts';
import type { Provider } from '../providers/base.ts';
import { formatIssues, zodIssues } from '../validation.ts';
import { scenarioDefinitionSchema, suiteDefinitionSchema, type EvaluationSuite, type Threshold } from './types.ts';
import type { EvaluationBody, ScenarioResult } from '../kinds/evaluation/schema.ts';

export class EvaluationError extends Error {
  constructor(suite: string, where: string, reason: string) {
    super(`evaluation suite '${suite || '(unnamed)'}': ${where}: ${reason}`);
    this.name = 'EvaluationError';
  }
}

export function validateSuite(suite: EvaluationSuite): void {
  const { scenarios, source: _source, extraSources: _extra, ...definition } = suite;
  const parsedSuite = suiteDefinitionSchema().safeParse(definition);
  if (!parsedSuite.success) throw new EvaluationError(suite.id, 'definition', formatIssues(zodIssues(parsedSuite.error, definition)));
  if (scenarios.length === 0) throw new EvaluationError(suite.id, 'scenarios', 'a suite needs at least one scenario');
  const seen = new Set<string>();
  for (const { run: _run, ...scenario } of scenarios) {
    const parsed = scenarioDefinitionSchema().safeParse(scenario);
    if (!parsed.success) throw new EvaluationError(suite.id, `scenario ${scenario.id}`, formatIssues(zodIssues(parsed.error, scenario)));
    if (seen.has(scenario.id)) throw new EvaluationError(suite.id, `scenario ${scenario.id}`, 'duplicate scenario id');
    seen.add(scenario.id);
  }
}

const holds = (t: Threshold, value: number) => (t.op === '<=' ? value <= t.value : value >= t.value);

export async function runSuite(suite: EvaluationSuite, provider: Provider): Promise<EvaluationBody> {
  validateSuite(suite);
  if (!provider.supports(suite.capability)) {
    throw new EvaluationError(suite.id, `provider ${provider.name}`, `does not advertise ${suite.capability}`);
  }
  const results: ScenarioResult[] = [];
  for (const scenario of suite.scenarios) {
    const run = await scenario.run(provider);
    const reported = Object.keys(run.metrics).sort();
    const declared = [...scenario.metrics].sort();
    if (reported.join() !== declared.join()) {
      throw new EvaluationError(
        suite.id,
        `scenario ${scenario.id}`,
        `reported metrics [${reported.join(', ')}] but declares [${declared.join(', ')}]`,
      );
    }
    for (const [name, value] of Object.entries(run.metrics)) {
      if (!Number.isFinite(value))
        throw new EvaluationError(suite.id, `scenario ${scenario.id} metric ${name}`, `non-finite value ${value}`);
    }
    const checks = scenario.thresholds.map((t) => ({ ...t, observed: run.metrics[t.metric]!, passed: holds(t, run.metrics[t.metric]!) }));
    const passed = checks.every((c) => c.passed);
    results.push({
      scenario: scenario.id,
      description: scenario.description,
      expectation: scenario.expectation,
      expectation_note: scenario.expectation_note ?? null,
      metrics: run.metrics,
      thresholds: checks,
      score: checks.filter((c) => c.passed).length / checks.length,
      passed,
      matches_expectation: passed === (scenario.expectation === 'pass'),
      observed: run.observed,
      input_digest: digestOf(run.input),
      result_digest: digestOf(run.result),
    });
  }
  if (results.length !== suite.scenarios.length) {
    throw new EvaluationError(suite.id, 'results', `${results.length} results for ${suite.scenarios.length} scenarios`);
  }
  const passedCount = results.filter((r) => r.passed).length;
  return {
    suite: suite.id,
    suite_version: suite.version,
    provider: provider.name,
    capability: suite.capability,
    metric_semantics: suite.metric_semantics,
    summary: {
      scenario_count: results.length,
      passed_count: passedCount,
      failed_count: results.length - passedCount,
      known_failure_count: suite.scenarios.filter((s) => s.expectation === 'known-failure').length,
      pass_rate: passedCount / results.length,
      average_score: results.reduce((sum, r) => sum + r.score, 0) / results.length,
    },
    scenarios: results,
  };
}
