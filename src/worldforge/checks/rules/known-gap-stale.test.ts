import { describe, expect, it } from 'vitest';
import { catalogProfiles } from '../../providers/catalog.ts';
import { runRules } from '../runner.ts';
import { brief, claimRow, claimsOf, committed, gapsOf, runRule } from '../testing.ts';
import claimCoverage from './claim-coverage.ts';
import rule from './known-gap-stale.ts';

const claims = claimsOf(
  claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'),
);
const gaps = gapsOf(
  '  - rule: claim-coverage\n    id: mock#predict\n    reason: Accepted while testing.\n  - rule: claim-coverage\n    id: mock#embed\n    reason: "Not needed: embed has a row."\n',
);

describe('known-gap-stale', () => {
  it('reports an entry no finding needs; a needed one downgrades its finding to a warning', () => {
    const findings = runRules({ claims, gaps, profiles: catalogProfiles(), refs: { evidence: committed(), records: {} } }, [
      claimCoverage,
      rule,
    ]);
    expect(brief(findings).filter((f) => f.includes('mock#predict') || f.includes('stale'))).toEqual([
      'warning claim-coverage content/claims/capabilities.yaml:- [mock#predict]',
      'error known-gap-stale content/claims/known-gaps.yaml:5 [claim-coverage:mock#embed]',
    ]);
    expect(findings.find((f) => f.id === 'mock#predict')!.details).toBe(
      'known gap (content/claims/known-gaps.yaml:2): Accepted while testing.',
    );
  });

  it('does not flag gaps that still match a finding', () => {
    const needed = gapsOf('  - rule: claim-coverage\n    id: mock#predict\n    reason: Accepted while testing.\n');
    const findings = runRules({ claims, gaps: needed, profiles: catalogProfiles(), refs: { evidence: committed(), records: {} } }, [
      claimCoverage,
      rule,
    ]);
    expect(findings.filter((f) => f.rule === 'known-gap-stale')).toEqual([]);
    expect(runRule(rule, { gaps: gapsOf('') })).toEqual([]);
  });
});
