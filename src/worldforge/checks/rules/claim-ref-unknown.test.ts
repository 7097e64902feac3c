import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, committed, runRule } from '../testing.ts';
import rule from './claim-ref-unknown.ts';

const refs = () => ({ evidence: committed(), records: {} });

describe('claim-ref-unknown', () => {
  it('reports a ref to missing evidence at the line of the ref, and not the refs that resolve', () => {
    const claims = claimsOf(
      claimRow(
        'x',
        '    area: workflow\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n      - fixtures/nope\n',
      ),
    );
    const findings = runRule(rule, { claims, refs: refs() });
    expect(brief(findings)).toEqual(['error claim-ref-unknown content/claims/test.yaml:9 [x]']);
    expect(findings[0]!.found).toBe('no evidence file evidence/fixtures/nope.json');
    expect(findings[0]!.fix).toBe('Fix the ref in content/claims/test.yaml, or run `npm run evidence` if the evidence should exist.');
  });

  it('does not flag a claim whose refs all resolve', () => {
    const claims = claimsOf(
      claimRow('ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'),
    );
    expect(runRule(rule, { claims, refs: refs() })).toEqual([]);
  });
});
