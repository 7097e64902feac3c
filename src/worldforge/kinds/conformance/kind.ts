/** Conformance: one file per catalog provider, one case per (capability, check). Rendered on the provider's page. */
import { providerCasePath, providerPath } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { CONFORMANCE_KIND, conformanceEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...CONFORMANCE_KIND,
  schema: conformanceEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `conformance/mock#generate` selects every case of a capability; `#generate/call` one case. A
  // fails-closed case is a refusal: `conformance/genie#generate` backs nothing, while
  // `conformance/genie#generate/fails-closed` backs a claim that genie refuses it.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.id, c.capability], status: c.status, refusal: c.kind === 'fails-closed' })),
  classes: ['checkout-tested'],
  // `#generate` lands on the capability's group of cases, `#generate/call` on the case row.
  route: (provider, fragment) => providerCasePath(provider, fragment),
  // The provider page's case table has one row per case, its id the case id.
  sitePage: { path: (doc) => providerPath(doc.body.provider), anchors: (doc) => doc.body.cases.map((c) => c.id) },
});
