/** Conformance: one file per catalog provider, one case per (capability, check). Rendered on the provider's page. */
import { providerPath } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { CONFORMANCE_KIND, conformanceEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...CONFORMANCE_KIND,
  schema: conformanceEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `conformance/mock#generate` selects every case of a capability; `#generate/call` one case.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.id, c.capability], status: c.status })),
  classes: ['checkout-tested'],
  route: (provider) => providerPath(provider),
  // The provider page has one table of cases (#cases) and no per-case anchors.
  sitePage: { path: (doc) => providerPath(doc.body.provider), anchors: () => [] },
});
