import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './selection-active-limit.ts';

const PATH = 'content/selection-records/four.md';
const active = (ids: string[]) => ids.map((id) => candidateYaml(id, 'active', '', 2)).join('');

describe('selection-active-limit', () => {
  it('reports the fourth active candidate at its decision line', () => {
    const records = recordsOf({ [PATH]: selectionRecordText('four', active(['a', 'b', 'c', 'd'])) });
    const findings = runRule(rule, { records });
    expect(brief(findings)).toEqual([`error selection-active-limit ${PATH}:79 [candidates.3.decision]`]);
    expect(findings[0]).toMatchObject({
      found: "'d' is active candidate 4 of 4 (a, b, c, d)",
      expected: 'at most 3 active candidates per record',
      fix: 'choose 3 to pursue now; make the others rfc, or deferred with a blocker and a revisit trigger',
    });
  });

  it('does not flag three active candidates', () => {
    expect(runRule(rule, { records: recordsOf({ [PATH]: selectionRecordText('four', active(['a', 'b', 'c'])) }) })).toEqual([]);
  });
});
