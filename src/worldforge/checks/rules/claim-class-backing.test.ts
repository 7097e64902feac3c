import { describe, expect, it } from 'vitest';
import type { RecordResolver } from '../../claims/refs.ts';
import { brief, claimRow, claimsOf, committed, runRule } from '../testing.ts';
import rule from './claim-class-backing.ts';

const records = {
  'design-records': (): ReturnType<RecordResolver> => ({
    found: true,
    status: 'recorded',
    source: 'content/design-records/genie.md',
    checkoutSafe: false,
    deferral: { blocker: true, revisitTrigger: true },
    detail: 'deferred',
  }),
};
const refs = { evidence: committed(), records };

describe('claim-class-backing', () => {
  it('reports a checkout-tested claim citing only a deferred record, at the line of its class', () => {
    const claims = claimsOf(
      claimRow('only-record', '    area: provider\n    class: checkout-tested\n    evidence:\n      - design-records/genie\n'),
    );
    const findings = runRule(rule, { claims, refs });
    expect(brief(findings)).toEqual(['error claim-class-backing content/claims/test.yaml:6 [only-record]']);
    expect(findings[0]!.found).toBe('cites design-records/genie (design-records)');
  });

  it('names the kinds that back the class, or says that none does yet', () => {
    const smoke = claimRow(
      'smoke-unbacked',
      '    area: provider\n    class: prepared-host-smoke-tested\n    evidence:\n      - conformance/mock#embed\n',
    );
    const release = claimRow('release-unbacked', '    area: workflow\n    class: release-gated\n    evidence:\n      - conformance/mock\n');
    const expected = Object.fromEntries(runRule(rule, { claims: claimsOf(smoke + release), refs }).map((f) => [f.id, f.expected]));
    expect(expected['smoke-unbacked']).toMatch(/\(kinds: live-smoke\)$/);
    // Release evidence (kinds/releases) and the release-evidence benchmark preset (kinds/benchmarks) back release-gated claims; a class no kind backs is covered in tests/unit/kinds.test.ts.
    expect(expected['release-unbacked']).toMatch(/\(kinds: (benchmarks, releases|releases, benchmarks)\)$/);
  });

  it('accepts a deferred claim citing a record with blocker and revisit trigger, and passing checkout evidence', () => {
    const deferred = claimRow(
      'deferred-ok',
      '    area: provider\n    class: deferred\n    blocker: No automation API exists yet.\n    evidence:\n      - design-records/genie\n',
    );
    const checkout = claimRow(
      'embed-ok',
      '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n',
    );
    expect(runRule(rule, { claims: claimsOf(deferred + checkout), refs })).toEqual([]);
  });
});
