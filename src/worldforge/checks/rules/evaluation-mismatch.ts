/** evaluation-mismatch: every evaluation scenario meets its expectation (pass, or known failure). */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { freshDocuments } from '../documents.ts';

export default defineRule({
  id: 'evaluation-mismatch',
  title: 'Evaluation scenarios meet their expectation',
  why: 'Each scenario expects to pass, or is a deliberately strict known failure. A scenario that fails unexpectedly is a regression; a known failure that starts passing means its label is stale. Either way the published galleries would mislead, so both are errors (a ratchet: the known-failure list can only shrink deliberately).',
  fix: 'Fix the regression, or update the scenario’s expectation in src/worldforge/evaluation/suites/<suite>.ts; then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { fresh } }): FindingDraft[] =>
    freshDocuments(fresh, 'evaluation').flatMap(({ path, doc }) =>
      doc.body.scenarios
        .filter((s) => !s.matches_expectation)
        .map((s) => ({
          file: `src/worldforge/evaluation/suites/${doc.body.suite}.ts`,
          id: `${doc.body.suite}/${s.scenario}`,
          expected: s.expectation === 'pass' ? 'scenario passes' : 'scenario fails (known failure)',
          found: `${s.passed ? 'passed' : 'failed'}: ${s.observed}`,
          details: `evidence file: ${evidenceFile(path)}`,
        })),
    ),
});
