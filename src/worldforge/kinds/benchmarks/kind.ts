/** Benchmarks: one deterministic file per preset (counts and budget verdict, no timings). Rendered on /benchmarks/<preset>/. */
import { benchmarkPath, benchmarkRowAnchor, withAnchor } from '../../site/routes.ts';
import { defineEvidenceKind } from '../define.ts';
import { BENCHMARKS_KIND, benchmarksEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...BENCHMARKS_KIND,
  schema: benchmarksEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  // `benchmarks/release-evidence#generate` selects every row of an operation, `#mock/generate` one row.
  // A row is failed when a call failed or a budget check of it failed; skipped rows select nothing.
  refCases: (doc) =>
    doc.body.results
      .filter((r) => r.status !== 'skipped')
      .map((r) => {
        const violated = doc.body.verdict.checks.some(
          (c) => !c.passed && (c.provider === null || (c.provider === r.provider && c.operation === r.operation)),
        );
        return { keys: [r.operation, `${r.provider}/${r.operation}`], status: r.status === 'passed' && !violated ? 'passed' : 'failed' };
      }),
  classes: ['release-gated'],
  route: (preset, fragment) => {
    const [provider, operation] = fragment?.split('/') ?? [];
    return provider && operation ? withAnchor(benchmarkPath(preset), benchmarkRowAnchor(provider, operation)) : benchmarkPath(preset);
  },
  sitePage: {
    path: (doc) => benchmarkPath(doc.body.preset.id),
    anchors: (doc) => doc.body.results.map((r) => benchmarkRowAnchor(r.provider, r.operation)),
  },
});
