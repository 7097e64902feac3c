import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, committed, runRule } from '../testing.ts';
import rule from './claim-ref-refusal.ts';

const checkout = (id: string, ref: string) =>
  claimRow(id, `    area: capability\n    class: checkout-tested\n    evidence:\n      - ${ref}\n`);

describe('claim-ref-refusal', () => {
  it('refuses a capability ref to a provider that does not advertise it: its passing fail-closed case is a refusal', () => {
    const findings = runRule(rule, {
      claims: claimsOf(checkout('genie-generates', 'conformance/genie#generate')),
      refs: { evidence: committed(), records: {} },
    });
    expect(brief(findings)).toEqual(['error claim-ref-refusal content/claims/test.yaml:8 [genie-generates]']);
    expect(findings[0]!.found).toContain("they show that 'generate' is refused, not that it works; cite #generate/fails-closed");
  });

  it('accepts the refusal cited by its case id, and an advertised capability', () => {
    const rows =
      checkout('genie-refuses', 'conformance/genie#generate/fails-closed') + checkout('mock-generates', 'conformance/mock#generate');
    expect(runRule(rule, { claims: claimsOf(rows), refs: { evidence: committed(), records: {} } })).toEqual([]);
  });
});
