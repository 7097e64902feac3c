import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, gapsOf, runRule } from '../testing.ts';
import rule from './claim-schema.ts';

const row = claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n');

describe('claim-schema', () => {
  it('reports each problem of a malformed row at file:line with the field, and of a known-gaps entry', () => {
    const claims = claimsOf(`${row}${row}  - id: Bad Id\n    statement: short\n`);
    expect(brief(runRule(rule, { claims, gaps: gapsOf('') }))).toEqual([
      'error claim-schema content/claims/test.yaml:16 [claims.2.area]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.boundary]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.class]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.id]',
      'error claim-schema content/claims/test.yaml:17 [claims.2.statement]',
    ]);
    expect(brief(runRule(rule, { claims: claimsOf(row), gaps: gapsOf('  - rule: claim-coverage\n    id: x\n') }))).toEqual([
      'error claim-schema content/claims/known-gaps.yaml:2 [gaps.0.reason]',
    ]);
  });

  it('does not flag well-formed rows and gaps', () => {
    expect(
      runRule(rule, { claims: claimsOf(row), gaps: gapsOf('  - rule: claim-coverage\n    id: x\n    reason: Accepted while testing.\n') }),
    ).toEqual([]);
  });
});
