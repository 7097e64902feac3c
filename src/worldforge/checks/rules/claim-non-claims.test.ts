import { describe, expect, it } from 'vitest';
import { REQUIRED_NON_CLAIMS } from '../../claims/schema.ts';
import { brief, claimRow, claimsOf, runRule } from '../testing.ts';
import rule from './claim-non-claims.ts';

const nonClaim = (id: string, cls = 'unsupported') =>
  claimRow(id, `    area: non-claim\n    class: ${cls}\n    routing: Ask somebody who owns it.\n`);
const all = Object.keys(REQUIRED_NON_CLAIMS).map((id) => nonClaim(id));

describe('claim-non-claims', () => {
  it('reports a required non-claim that is missing', () => {
    const claims = claimsOf(all.filter((row) => !row.includes('non-claim-robot-safety')).join(''), 'content/claims/non-claims.yaml');
    expect(brief(runRule(rule, { claims }))).toEqual(['error claim-non-claims content/claims/non-claims.yaml:- [non-claim-robot-safety]']);
  });

  it('does not flag the four required rows stated as unsupported non-claims', () => {
    expect(runRule(rule, { claims: claimsOf(all.join(''), 'content/claims/non-claims.yaml') })).toEqual([]);
  });
});
