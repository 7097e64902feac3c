/** benchmark-budget-schema: benchmark budget files validate (no unknown keys, at least one threshold per entry). */
import { parseBenchmarkData } from '../../benchmarks/data.ts';
import { problemFinding } from '../../problem.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'benchmark-budget-schema',
  title: 'Benchmark budgets are well formed',
  why: 'A budget entry with a misspelt threshold key, or with selectors and no threshold at all, would gate nothing while looking like a gate. Budget files (content/benchmarks/budgets/) reject unknown keys, need at least one threshold per entry, and keep a history in which every loosening carries its rationale.',
  fix: 'Fix the named field; change thresholds through `npx worldforge budgets calibrate` and `budgets apply` so the history stays complete.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] =>
    parseBenchmarkData(content)
      .problems.filter((p) => p.rule === 'benchmark-budget-schema')
      .map((p) => problemFinding(p, 'a well-formed benchmark budget file')),
});
