import { describe, expect, it } from 'vitest';
import { readBenchmarkFiles } from '../../benchmarks/data.ts';
import { REPO_ROOT } from '../../evidence/suite/repo.ts';
import { brief, runRule } from '../testing.ts';
import rule from './benchmark-budget-schema.ts';

const BUDGET = 'content/benchmarks/budgets/mock-smoke.json';

describe('benchmark-budget-schema', () => {
  it('reports a misspelt threshold, an entry without threshold and a loosening without rationale', () => {
    const content = readBenchmarkFiles(REPO_ROOT);
    const budget = JSON.parse(content.get(BUDGET)!);
    content.set(
      BUDGET,
      JSON.stringify({
        ...budget,
        budgets: [{ provider: 'mock', max_latency: 3 }, { provider: 'mock' }],
        history: [
          { date: '2026-12-01', candidate_sha256: `sha256:${'a'.repeat(64)}`, loosened: ['mock/* max_p95_latency_ms'], rationale: null },
        ],
      }),
    );
    const findings = runRule(rule, { content });
    expect(brief(findings)).toEqual([
      'error benchmark-budget-schema content/benchmarks/budgets/mock-smoke.json:- [budgets.0]',
      'error benchmark-budget-schema content/benchmarks/budgets/mock-smoke.json:- [budgets.0]',
      'error benchmark-budget-schema content/benchmarks/budgets/mock-smoke.json:- [budgets.1]',
      'error benchmark-budget-schema content/benchmarks/budgets/mock-smoke.json:- [history]',
    ]);
    expect(findings.map((f) => f.found)).toContain("unknown field 'max_latency'");
  });

  it('does not flag the committed budgets', () => {
    expect(runRule(rule, { content: readBenchmarkFiles(REPO_ROOT) })).toEqual([]);
  });
});
