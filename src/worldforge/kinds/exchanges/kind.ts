/** Provider-exchange evidence: one file per remote provider, one case per recorded exchange replayed on loopback. */
import { defineEvidenceKind } from '../define.ts';
import { EXCHANGES_KIND, exchangesEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...EXCHANGES_KIND,
  schema: exchangesEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `exchanges/runway#generate` selects every recorded exchange of a capability.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.capability], status: c.status })),
  classes: ['checkout-tested'],
  // Rendered inside the provider page's failure-mode table, with no page of its own.
  route: () => null,
});
