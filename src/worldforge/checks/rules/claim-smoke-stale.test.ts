import { describe, expect, it } from 'vitest';
import type { RecordResolver } from '../../claims/refs.ts';
import { brief, claimRow, claimsOf, runRule } from '../testing.ts';
import rule from './claim-smoke-stale.ts';

const smoke = (date: string) => ({
  evidence: new Map<string, string>(),
  records: {
    'live-smoke': (): ReturnType<RecordResolver> => ({
      found: true,
      status: 'passed',
      source: 'content/live-smoke/x.json',
      checkoutSafe: false,
      deferral: null,
      detail: 'passed',
      date,
    }),
  },
});
const claims = claimsOf(
  claimRow('live', '    area: workflow\n    class: prepared-host-smoke-tested\n    evidence:\n      - live-smoke/runway#generate\n'),
);
const today = new Date('2026-11-26T12:00:00Z');

describe('claim-smoke-stale', () => {
  it('warns when a prepared-host claim cites a passed smoke older than 90 days', () => {
    const findings = runRule(rule, { claims, refs: smoke('2026-06-01'), today, mode: 'pull-request' });
    expect(brief(findings)).toEqual(['warning claim-smoke-stale content/claims/test.yaml:8 [live]']);
    expect(findings[0]!.found).toBe('last passed run on 2026-06-01 (178 days ago)');
  });

  it('is an error in release mode', () => {
    const findings = runRule(rule, { claims, refs: smoke('2026-06-01'), today, mode: 'release' });
    expect(brief(findings)).toEqual(['error claim-smoke-stale content/claims/test.yaml:8 [live]']);
  });

  it('does not warn about a recent smoke, counted to the check’s own date', () => {
    expect(runRule(rule, { claims, refs: smoke('2026-10-01'), today, mode: 'release' })).toEqual([]);
    expect(
      runRule(rule, { claims, refs: smoke('2026-10-01'), today: new Date('2027-06-01T00:00:00Z'), mode: 'pull-request' }),
    ).toHaveLength(1);
  });
});
