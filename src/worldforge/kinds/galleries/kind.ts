/** Failure-case galleries: representative refused and failing cases of each suite, as JSON and Markdown. */
import { galleryPath } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { GALLERIES_KIND, galleryEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...GALLERIES_KIND,
  schema: galleryEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // A gallery case is a triage entry, not an outcome, so a cited case never counts as failed; cite
  // the whole gallery (`galleries/<id>`) to depend on its status.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.case_id, c.fixture_id], status: 'passed' })),
  classes: ['checkout-tested'],
  route: (gallery) => galleryPath(gallery),
});
