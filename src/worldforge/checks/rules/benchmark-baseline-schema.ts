/** benchmark-baseline-schema: preserved benchmark baselines are valid, dated reports of an existing preset. */
import { parseBenchmarkData } from '../../benchmarks/data.ts';
import { problemFinding } from '../../problem.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'benchmark-baseline-schema',
  title: 'Benchmark baselines are valid reports',
  why: 'Baselines (content/benchmarks/baselines/<preset>.json) are the only place timings are preserved, and the benchmarks evidence checks timing budgets against them. They are never byte-diffed, so their schema is what keeps them honest: a dated report with its environment, input digests and per-sample statistics, named after an existing preset.',
  fix: 'Re-record the baseline with `npx worldforge benchmark run --preset <id> --baseline`, then run `npm run evidence`.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] =>
    parseBenchmarkData(content)
      .problems.filter((p) => p.rule === 'benchmark-baseline-schema')
      .map((p) => problemFinding(p, 'a valid benchmark report of an existing preset')),
});
