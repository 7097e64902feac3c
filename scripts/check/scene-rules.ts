/** Rules about the scene artifact fixture corpus. */
import { finding, freshDocuments, type Rule } from './context.ts';

export const sceneFixtureFailedRule: Rule = {
  id: 'scene-fixture-failed',
  check: ({ fresh }) =>
    freshDocuments(fresh, 'scenes').flatMap(({ path, doc }) =>
      doc.body.cases
        .filter((c) => c.status === 'failed')
        .map((c) =>
          finding('scene-fixture-failed', {
            file: c.fixture_path,
            id: c.fixture_id,
            expected: c.expected,
            found: c.issues.length
              ? `${c.observed}: ${c.issues.map((i) => `${i.code} at ${i.path}: ${i.message}`).join('; ')}`
              : c.observed,
            details: `evidence file: evidence/${path}`,
          }),
        ),
    ),
};
