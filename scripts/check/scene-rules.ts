/** Rules about the scene artifact fixture corpus. */
import { scenesEvidenceSchema } from '../../src/worldforge/evidence/index.ts';
import { finding, type Rule } from './context.ts';

export const sceneFixtureFailedRule: Rule = {
  id: 'scene-fixture-failed',
  check: ({ fresh }) =>
    [...(fresh ?? new Map<string, string>())]
      .filter(([path]) => path.startsWith('scenes/'))
      .flatMap(([path, text]) =>
        scenesEvidenceSchema()
          .parse(JSON.parse(text))
          .body.cases.filter((c) => c.status === 'failed')
          .map((c) =>
            finding('scene-fixture-failed', {
              file: c.fixture_path,
              id: c.fixture_id,
              expected: c.expected,
              found: c.issues.length ? `${c.observed}: ${c.issues.map((i) => `${i.code} at ${i.path}: ${i.message}`).join('; ')}` : c.observed,
              details: `evidence file: evidence/${path}`,
            }),
          ),
      ),
};
