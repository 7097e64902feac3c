/** Scene-fixture evidence: every artifact under fixtures/scenes/ through the scene validator. */
import { ROUTES } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { SCENES_KIND, scenesEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...SCENES_KIND,
  schema: scenesEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `scenes/artifacts#scenes.valid-tabletop`: a scene fixture id.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.fixture_id], status: c.status })),
  classes: ['checkout-tested', 'fixture-tested'],
  // Explained on the scene artifacts docs page; the cases themselves are not rendered there.
  route: () => ROUTES.sceneArtifacts,
});
