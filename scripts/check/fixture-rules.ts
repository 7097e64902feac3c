/** Rules about the capability fixture corpus and the results it produces. */
import { fixturesEvidenceSchema } from '../../src/worldforge/evidence/index.ts';
import { finding, type Rule } from './context.ts';

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
    [...(fresh ?? new Map<string, string>())]
      .filter(([path]) => path.startsWith('fixtures/'))
      .flatMap(([path, text]) => {
        const doc = fixturesEvidenceSchema().parse(JSON.parse(text));
        return doc.body.cases
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
          );
      }),
};
