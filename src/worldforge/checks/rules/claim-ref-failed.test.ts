import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, committed, evidenceDocument, runRule } from '../testing.ts';
import rule from './claim-ref-failed.ts';

const mockEmbed = claimsOf(
  claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'),
);

describe('claim-ref-failed', () => {
  it('reports a claim citing evidence that failed, at the line of the ref', () => {
    const doc = evidenceDocument('conformance/mock.json');
    doc.body.cases.find((c: { id: string }) => c.id === 'embed/call').status = 'failed';
    const evidence = new Map(committed()).set('conformance/mock.json', JSON.stringify(doc));
    const findings = runRule(rule, { claims: mockEmbed, refs: { evidence, records: {} } });
    expect(brief(findings)).toEqual(['error claim-ref-failed content/claims/test.yaml:8 [embed-ok]']);
    expect(findings[0]!.expected).toBe('conformance/mock#embed passed');
  });

  it('does not flag passed evidence, nor refs that do not resolve (claim-ref-unknown reports those)', () => {
    expect(runRule(rule, { claims: mockEmbed, refs: { evidence: committed(), records: {} } })).toEqual([]);
    expect(runRule(rule, { claims: mockEmbed, refs: { evidence: new Map(), records: {} } })).toEqual([]);
  });
});
