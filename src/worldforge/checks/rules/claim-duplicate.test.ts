import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, runRule } from '../testing.ts';
import rule from './claim-duplicate.ts';

const row = claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n');

describe('claim-duplicate', () => {
  it('reports the second row with an id at its line, naming the first', () => {
    const findings = runRule(rule, { claims: claimsOf(row + row) });
    expect(brief(findings)).toEqual(['error claim-duplicate content/claims/test.yaml:9 [embed-ok]']);
    expect(findings[0]!.found).toBe('also defined at content/claims/test.yaml:2');
  });

  it('does not flag unique ids', () => {
    expect(runRule(rule, { claims: claimsOf(row + row.replace('embed-ok', 'embed-other')) })).toEqual([]);
  });
});
