/**
 * The evaluation suites, run against the deterministic mock. Evidence status is `passed` when
 * every scenario's outcome matches its expectation (deliberately strict scenarios are expected to
 * fail; one that starts passing flips the status, so the expectation must be updated).
 */
import { runSuite } from '../../evaluation/run.ts';
import { EVALUATION_SUITES } from '../../evaluation/suites/index.ts';
import { EventRecorder } from '../../events.ts';
import { buildEvidenceDocument } from '../../evidence/suite/document.ts';
import { memoize } from '../../evidence/suite/memo.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import { CATALOG, createProvider } from '../../providers/catalog.ts';
import { EVALUATION_KIND, type EvaluationEvidence } from './schema.ts';

const PROVIDER = 'mock';

async function buildEvaluationEvidence(id: string): Promise<EvaluationEvidence> {
  const suite = EVALUATION_SUITES.find((s) => s.id === id);
  if (!suite) throw new Error(`unknown evaluation suite '${id}'`);
  const recorder = new EventRecorder();
  const body = await runSuite(suite, createProvider(PROVIDER, { events: recorder.sink }));
  return buildEvidenceDocument(EVALUATION_KIND, {
    name: suite.id,
    subject: { provider: PROVIDER, capability: suite.capability, preset: suite.id },
    suite_version: suite.version,
    inputs: [
      suite.source,
      'src/worldforge/evaluation/run.ts',
      sourceOf(import.meta.url),
      ...CATALOG[PROVIDER]!.sources,
      ...(suite.extraSources ?? []),
    ],
    body,
    status: body.scenarios.every((s) => s.matches_expectation) ? 'passed' : 'failed',
    event_count: recorder.count,
    claim_boundary: suite.claim_boundary,
  });
}

/** The evidence of one evaluation suite against mock (built once per process). */
export const evaluationEvidence = memoize(buildEvaluationEvidence);

/** One subject per evaluation suite: `evaluation/<suite>`. */
export const subjects = () => EVALUATION_SUITES.map((suite) => ({ name: suite.id, build: () => evaluationEvidence(suite.id) }));
