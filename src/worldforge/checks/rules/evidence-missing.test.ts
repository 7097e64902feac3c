import { describe, expect, it } from 'vitest';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-missing.ts';

describe('evidence-missing', () => {
  it('reports a file the suites produce that is not committed', () => {
    const evidence = evidenceSlice({
      committed: files(['conformance/mock.json', '{}']),
      fresh: files(['conformance/mock.json', '{}'], ['conformance/new.json', '{}']),
    });
    const findings = runRule(rule, { evidence });
    expect(brief(findings)).toEqual(['error evidence-missing evidence/conformance/new.json:- [conformance/new]']);
    expect(findings[0]).toMatchObject({ expected: 'file committed', found: 'no such file' });
  });

  it('does not flag committed files, nor anything when the suites could not run', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: files(['conformance/mock.json', '{}']) }) })).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice({ committed: new Map(), fresh: null }) })).toEqual([]);
  });
});
