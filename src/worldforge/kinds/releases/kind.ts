/**
 * Release evidence (`evidence/releases/<version>.json`): frozen by `npx worldforge release evidence`,
 * it backs release-gated claims. A ref `releases/<version>#<claim-id>` selects the claim as that
 * release recorded it: passed when it was backed then. In release mode, release-gated claims must
 * cite the latest release.
 */
import { releasePath } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { RELEASES_KIND, releaseEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...RELEASES_KIND,
  schema: releaseEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  refCases: (doc) => doc.body.claims.map((c) => ({ keys: [c.id], status: c.backing === 'backed' ? 'passed' : 'failed' })),
  classes: ['release-gated'],
  route: (version) => releasePath(version),
  sitePage: { path: (doc) => releasePath(doc.body.version), anchors: (doc) => doc.body.claims.map((c) => c.id) },
});
