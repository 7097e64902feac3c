/** Rules about the capability fixture corpus and the results it produces. */
import { finding, freshDocuments, type Rule } from './context.ts';

export const fixtureSchemaRule: Rule = {
  id: 'fixture-schema',
  check: ({ inputProblems }) =>
    inputProblems.map((p) =>
      finding('fixture-schema', { file: p.file, id: p.field, expected: 'a well-formed capability fixture', found: p.reason }),
    ),
};

export const fixtureFailedRule: Rule = {
  id: 'fixture-failed',
  check: ({ fresh }) =>
    freshDocuments(fresh, 'fixtures').flatMap(({ path, doc }) =>
      doc.body.cases
        .filter((c) => c.status === 'failed')
        .flatMap((c) =>
          c.checks
            .filter((check) => check.status === 'failed')
            .map((check) =>
              finding('fixture-failed', {
                file: c.fixture_path,
                id: `${c.fixture_id} @ ${check.target}`,
                expected: c.expected,
                found: check.observed,
                details: `evidence file: evidence/${path}`,
              }),
            ),
        ),
    ),
};

export const evaluationMismatchRule: Rule = {
  id: 'evaluation-mismatch',
  check: ({ fresh }) =>
    freshDocuments(fresh, 'evaluation').flatMap(({ path, doc }) =>
      doc.body.scenarios
        .filter((s) => !s.matches_expectation)
        .map((s) =>
          finding('evaluation-mismatch', {
            file: `src/worldforge/evaluation/suites/${doc.body.suite}.ts`,
            id: `${doc.body.suite}/${s.scenario}`,
            expected: s.expectation === 'pass' ? 'scenario passes' : 'scenario fails (known failure)',
            found: `${s.passed ? 'passed' : 'failed'}: ${s.observed}`,
            details: `evidence file: evidence/${path}`,
          }),
        ),
    ),
};
