import { describe, expect, it } from 'vitest';
import { renderRegistryIndex } from '../../registry-index.ts';
import { brief, runRule } from '../testing.ts';
import rule from './registry-index.ts';

const spec = { exportName: 'CHECK_RULES', describes: 'check rule' };
const index = (entries: string[]) => renderRegistryIndex(spec, entries);
const state = (committed: string | null, entries: string[]) => ({
  path: 'src/worldforge/checks/rules/index.ts',
  committed,
  expected: index(entries),
  rejected: [],
});

describe('registry-index', () => {
  it('reports an index that misses a module of its folder, with a diff naming the import', () => {
    const findings = runRule(rule, { registries: [state(index(['a-rule.ts']), ['a-rule.ts', 'new-rule.ts'])] });
    expect(brief(findings)).toEqual(['error registry-index src/worldforge/checks/rules/index.ts:- [src/worldforge/checks/rules]']);
    expect(findings[0]!.details).toContain("+import newRule from './new-rule.ts';");
  });

  it('reports a missing index file and an entry whose module is gone', () => {
    expect(runRule(rule, { registries: [state(null, ['a-rule.ts'])] })[0]!.found).toBe('no index file');
    expect(brief(runRule(rule, { registries: [state(index(['a-rule.ts', 'gone.ts']), ['a-rule.ts'])] }))).toHaveLength(1);
  });

  it('reports a module the index had to leave out, naming the file and why', () => {
    const registries = [{ ...state(index(['a-rule.ts']), ['a-rule.ts']), rejected: [{ entry: "bad'name.ts", reason: 'not an id' }] }];
    const findings = runRule(rule, { registries });
    expect(brief(findings)).toEqual(["error registry-index src/worldforge/checks/rules/bad'name.ts:- [bad'name.ts]"]);
    expect(findings[0]!.found).toContain('left out of src/worldforge/checks/rules/index.ts');
  });

  it('does not flag an index generated from the folder', () => {
    expect(runRule(rule, { registries: [state(index(['a-rule.ts']), ['a-rule.ts'])] })).toEqual([]);
  });
});
