/**
 * The evaluation suites, run against the deterministic mock. Evidence status is `passed` when
 * every scenario's outcome matches its expectation (deliberately strict scenarios are expected to
 * fail; one that starts passing flips the status, so the expectation must be updated).
 */
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import { EventRecorder } from '../src/worldforge/events.ts';
import { EVALUATION_SCHEMA, type EvaluationEvidence } from '../src/worldforge/evidence/evaluation.ts';
import { runSuite } from '../src/worldforge/evaluation/run.ts';
import { EVALUATION_SUITES } from '../src/worldforge/evaluation/suites/index.ts';
import { CATALOG, createProvider } from '../src/worldforge/providers/catalog.ts';
import { memoize } from './memo.ts';
import { inputDigests, WORLDFORGE_VERSION } from './repo.ts';

const PROVIDER = 'mock';

async function buildEvaluationEvidence(id: string): Promise<EvaluationEvidence> {
  const suite = EVALUATION_SUITES.find((s) => s.id === id);
  if (!suite) throw new Error(`unknown evaluation suite '${id}'`);
  const recorder = new EventRecorder();
  const body = await runSuite(suite, createProvider(PROVIDER, { events: recorder.sink }));
  return {
    schema: EVALUATION_SCHEMA,
    suite: `evaluation/${suite.id}`,
    suite_version: suite.version,
    subject: { provider: PROVIDER, capability: suite.capability },
    command: `npx worldforge evidence generate --only evaluation/${suite.id}`,
    worldforge_version: WORLDFORGE_VERSION,
    inputs: inputDigests([suite.source, 'src/worldforge/evaluation/run.ts', 'generators/evaluation.ts', ...CATALOG[PROVIDER]!.sources]),
    result_digest: sha256Tag(canonicalJson(body)),
    event_count: recorder.count,
    runtime_manifest: null,
    budget: null,
    claim_boundary: suite.claim_boundary,
    status: body.scenarios.every((s) => s.matches_expectation) ? 'passed' : 'failed',
    skip_reason: null,
    body,
  };
}

/** The evidence of one evaluation suite against mock (built once per process). */
export const evaluationEvidence = memoize(buildEvaluationEvidence);

export const evaluationSubjects = () =>
  EVALUATION_SUITES.map((suite) => ({ id: `evaluation/${suite.id}`, build: () => evaluationEvidence(suite.id) }));
