/** scene-fixture-failed: every scene fixture is accepted or rejected as it expects. */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { freshDocuments } from '../documents.ts';

export default defineRule({
  id: 'scene-fixture-failed',
  title: 'Scene artifact fixtures are accepted or rejected as they expect',
  why: 'The scene fixtures pin the artifact boundary: each valid fixture must pass the validator and each invalid one must be refused with its expected error code. An accepted invalid fixture means the boundary leaks (a host path, a non-finite number); a rejected valid one means it refuses real artifacts.',
  fix: 'Fix the validator in src/worldforge/scene/ or correct the fixture, then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { fresh } }): FindingDraft[] =>
    freshDocuments(fresh, 'scenes').flatMap(({ path, doc }) =>
      doc.body.cases
        .filter((c) => c.status === 'failed')
        .map((c) => ({
          file: c.fixture_path,
          id: c.fixture_id,
          expected: c.expected,
          found: c.issues.length ? `${c.observed}: ${c.issues.map((i) => `${i.code} at ${i.path}: ${i.message}`).join('; ')}` : c.observed,
          details: `evidence file: ${evidenceFile(path)}`,
        })),
    ),
});
