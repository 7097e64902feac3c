import { describe, expect, it } from 'vitest';
import { catalogProfiles } from '../../providers/catalog.ts';
import { claimRow, claimsOf, committed, runRule } from '../testing.ts';
import rule from './claim-coverage.ts';

describe('claim-coverage', () => {
  it('reports every advertised capability without a claim row backed by its conformance evidence, and not the one that has one', () => {
    const claims = claimsOf(
      claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'),
    );
    const findings = runRule(rule, { claims, profiles: catalogProfiles(), refs: { evidence: committed(), records: {} } });
    expect(findings.map((f) => f.id)).toEqual([
      'cosmos#generate',
      'jepa#score',
      'lerobot#policy',
      'leworldmodel#score',
      'mock#generate',
      'mock#predict',
      'mock#reason',
      'mock#transfer',
      'runway#generate',
      'runway#transfer',
    ]);
    expect(findings[0]).toMatchObject({ rule: 'claim-coverage', file: 'content/claims/capabilities.yaml', line: null });
  });
});
