/** fixture-failed: every capability fixture behaves as it expects in the regenerated fixture evidence. */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { freshDocuments } from '../documents.ts';

export default defineRule({
  id: 'fixture-failed',
  title: 'Every fixture behaves as it expects',
  why: 'A fixture states the outcome it expects (a schema-valid result meeting its constraints, or a typed error). When request validation or an advertising provider disagrees, either the contract regressed or the fixture is wrong.',
  fix: 'Read the observed text of the failing check; fix the provider or validation, or correct the fixture, then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { fresh } }): FindingDraft[] =>
    freshDocuments(fresh, 'fixtures').flatMap(({ path, doc }) =>
      doc.body.cases
        .filter((c) => c.status === 'failed')
        .flatMap((c) =>
          c.checks
            .filter((check) => check.status === 'failed')
            .map((check) => ({
              file: c.fixture_path,
              id: `${c.fixture_id} @ ${check.target}`,
              expected: c.expected,
              found: check.observed,
              details: `evidence file: ${evidenceFile(path)}`,
            })),
        ),
    ),
});
