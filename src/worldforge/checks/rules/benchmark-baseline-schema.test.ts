import { describe, expect, it } from 'vitest';
import { readBenchmarkFiles } from '../../benchmarks/data.ts';
import { REPO_ROOT } from '../../evidence/suite/repo.ts';
import { brief, runRule } from '../testing.ts';
import rule from './benchmark-baseline-schema.ts';

const BASELINE = 'content/benchmarks/baselines/mock-smoke.json';

describe('benchmark-baseline-schema', () => {
  it('reports an undated baseline and a baseline of an unknown preset', () => {
    const content = readBenchmarkFiles(REPO_ROOT);
    const baseline = JSON.parse(content.get(BASELINE)!);
    content.set(BASELINE, JSON.stringify({ ...baseline, generated_at: 'yesterday' }));
    content.set('content/benchmarks/baselines/ghost.json', JSON.stringify({ ...baseline, preset: 'ghost' }));
    const findings = runRule(rule, { content });
    expect(brief(findings)).toEqual([
      'error benchmark-baseline-schema content/benchmarks/baselines/ghost.json:- [preset]',
      'error benchmark-baseline-schema content/benchmarks/baselines/mock-smoke.json:- [generated_at]',
    ]);
  });

  it('does not flag the committed baselines', () => {
    expect(runRule(rule, { content: readBenchmarkFiles(REPO_ROOT) })).toEqual([]);
  });
});
