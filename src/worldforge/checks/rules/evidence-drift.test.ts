import { describe, expect, it } from 'vitest';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-drift.ts';

describe('evidence-drift', () => {
  it('reports a committed file that differs from its regeneration, with a unified diff', () => {
    const evidence = evidenceSlice({
      committed: files(['conformance/mock.json', '{\n  "status": "failed"\n}\n'], ['fixtures/embed.json', 'same\n']),
      fresh: files(['conformance/mock.json', '{\n  "status": "passed"\n}\n'], ['fixtures/embed.json', 'same\n']),
    });
    const findings = runRule(rule, { evidence });
    expect(brief(findings)).toEqual(['error evidence-drift evidence/conformance/mock.json:2 [conformance/mock]']);
    expect(findings[0]).toMatchObject({ found: '2 lines differ', fix: expect.stringContaining('npm run evidence') });
    expect(findings[0]!.details).toContain('-  "status": "failed"\n+  "status": "passed"');
  });

  it('reports nothing when the suites could not run or every file is identical', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ committed: files(['a.json', 'x']), fresh: null }) })).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice({ files: files(['a.json', 'x']) }) })).toEqual([]);
  });
});
