/** Evaluation evidence: one file per evaluation suite run against mock, one entry per scenario. */
import { evaluationPath, withAnchor } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { EVALUATION_KIND, evaluationEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...EVALUATION_KIND,
  schema: evaluationEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `evaluation/physics#object-stability`: a scenario id; a scenario that missed a threshold is failed.
  refCases: (doc) => doc.body.scenarios.map((s) => ({ keys: [s.scenario], status: s.passed ? 'passed' : 'failed' })),
  classes: ['checkout-tested'],
  // `evaluation/physics#object-stability` lands on the scenario (each scenario id is an anchor).
  route: (suite, scenario) => (scenario ? withAnchor(evaluationPath(suite), scenario) : evaluationPath(suite)),
  sitePage: { path: (doc) => evaluationPath(doc.body.suite), anchors: (doc) => doc.body.scenarios.map((s) => s.scenario) },
});
