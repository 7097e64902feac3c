import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, runRule } from '../testing.ts';
import rule from './claim-reference-unknown.ts';

const claims = claimsOf(
  claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'),
);

describe('claim-reference-unknown', () => {
  it('reports a README :claim[x] with unknown x at its line, and not the known one', () => {
    const prose = [{ file: 'README.md', text: '# Title\n\nSome text :claim[embed-ok] and :claim[nope].\n' }];
    expect(brief(runRule(rule, { claims, prose }))).toEqual(['error claim-reference-unknown README.md:3 [nope]']);
  });

  it('counts frontmatter lines when reporting docs references', () => {
    const prose = [{ file: 'src/content/docs/x.md', text: '---\ntitle: X\n---\n\nSee :claim[ghost].\n' }];
    expect(brief(runRule(rule, { claims, prose }))).toEqual(['error claim-reference-unknown src/content/docs/x.md:5 [ghost]']);
  });

  it('does not flag prose citing only known claims', () => {
    expect(runRule(rule, { claims, prose: [{ file: 'README.md', text: 'Cited :claim[embed-ok].\n' }] })).toEqual([]);
  });
});
