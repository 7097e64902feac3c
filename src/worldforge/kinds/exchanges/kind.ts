/** Provider-exchange evidence: one file per remote provider, one case per recorded exchange replayed on loopback. */
import { providerExchangesPath, providerPath } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { EXCHANGES_KIND, exchangesEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...EXCHANGES_KIND,
  schema: exchangesEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `exchanges/runway#generate` selects every recorded exchange of a capability.
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.capability], status: c.status })),
  classes: ['checkout-tested'],
  // Rendered in the provider page's recorded-exchanges table (one row per exchange, its id the
  // exchange id), with no page of its own.
  route: (provider) => providerExchangesPath(provider),
  sitePage: { path: (doc) => providerPath(doc.body.provider), anchors: (doc) => doc.body.cases.map((c) => c.exchange_id) },
});
