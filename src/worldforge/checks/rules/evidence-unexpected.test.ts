import { describe, expect, it } from 'vitest';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-unexpected.ts';

describe('evidence-unexpected', () => {
  it('reports a committed file no suite produces', () => {
    const evidence = evidenceSlice({
      committed: files(['conformance/mock.json', '{}'], ['conformance/ghost.json', '{}']),
      fresh: files(['conformance/mock.json', '{}']),
    });
    expect(brief(runRule(rule, { evidence }))).toEqual(['error evidence-unexpected evidence/conformance/ghost.json:- [conformance/ghost]']);
  });

  it('does not flag produced files, nor anything when the suites could not run', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: files(['conformance/mock.json', '{}']) }) })).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice({ committed: files(['conformance/ghost.json', '{}']), fresh: null }) })).toEqual([]);
  });
});
