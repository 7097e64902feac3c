import { describe, expect, it } from 'vitest';
import { brief, committed, evidenceDocument, evidenceSlice, files, runRule, sealed } from '../testing.ts';
import rule from './evaluation-mismatch.ts';

describe('evaluation-mismatch', () => {
  it('reports a scenario that does not meet its expectation at the suite source', () => {
    const doc = evidenceDocument('evaluation/physics.json');
    const scenario = doc.body.scenarios[0];
    scenario.matches_expectation = false;
    const findings = runRule(rule, { evidence: evidenceSlice({ files: files(['evaluation/physics.json', sealed(doc)]) }) });
    expect(brief(findings)).toEqual([
      `error evaluation-mismatch src/worldforge/evaluation/suites/physics.ts:- [physics/${scenario.scenario}]`,
    ]);
    expect(findings[0]!.details).toBe('evidence file: evidence/evaluation/physics.json');
  });

  it('does not flag scenarios that meet their expectation (the committed evaluation evidence)', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }) })).toEqual([]);
  });
});
