import { describe, expect, it } from 'vitest';
import { runRules } from '../runner.ts';
import { brief, claimRow, claimsOf, gapsOf } from '../testing.ts';
import claimRefFailed from './claim-ref-failed.ts';
import rule from './known-gap-release.ts';
import type { RecordResolver } from '../../claims/refs.ts';

const skipped: RecordResolver = () => ({
  found: true,
  status: 'skipped',
  source: 'content/live-smoke/runway-generate.json',
  checkoutSafe: false,
  deferral: null,
  detail: 'skipped_missing_credentials',
  date: '2026-11-26',
});
const refs = { evidence: new Map<string, string>(), records: { 'live-smoke': skipped } };
const claims = claimsOf(
  [
    claimRow('live', '    area: workflow\n    class: prepared-host-smoke-tested\n    evidence:\n      - live-smoke/runway#generate\n'),
    claimRow('fixture', '    area: workflow\n    class: fixture-tested\n    evidence:\n      - live-smoke/runway#generate\n'),
  ].join(''),
);
const gaps = gapsOf(
  '  - rule: claim-ref-failed\n    id: live\n    reason: No prepared host yet.\n  - rule: claim-ref-failed\n    id: fixture\n    reason: Accepted while testing.\n',
);

describe('known-gap-release', () => {
  it('in release mode, a gap excusing a finding on a prepared-host claim is an error', () => {
    const findings = runRules({ claims, gaps, refs, mode: 'release' }, [claimRefFailed, rule]);
    expect(brief(findings)).toEqual([
      'error known-gap-release content/claims/known-gaps.yaml:2 [claim-ref-failed:live]',
      'warning claim-ref-failed content/claims/test.yaml:15 [fixture]',
      'warning claim-ref-failed content/claims/test.yaml:8 [live]',
    ]);
    expect(findings[0]!.expected).toBe('no known gap on the prepared-host-smoke-tested claim live in release mode');
  });

  it('on pull requests, known gaps still excuse their findings', () => {
    const findings = runRules({ claims, gaps, refs, mode: 'pull-request' }, [claimRefFailed, rule]);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});
