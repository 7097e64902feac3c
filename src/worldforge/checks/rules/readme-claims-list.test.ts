import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, runRule } from '../testing.ts';
import rule from './readme-claims-list.ts';

const list = (items: string) => `# T\n\n<!-- worldforge:claims:start -->\n${items}<!-- worldforge:claims:end -->\n`;
const claims = () =>
  claimsOf(claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'));

describe('readme-claims-list', () => {
  it('reports a statement of the marked list without a claim reference, and missing markers', () => {
    const readme = list('- Cited [`embed-ok`](content/claims/test.yaml).\n- Not cited at all.\n');
    expect(brief(runRule(rule, { readme, claims: claims() }))).toEqual(['error readme-claims-list README.md:5 [- Not cited at all.]']);
    expect(brief(runRule(rule, { readme: '# T\n', claims: claims() }))).toEqual(['error readme-claims-list README.md:- [claims-list]']);
  });

  it('reports a raw :claim[id] directive (GitHub shows it as text) and a link to the wrong claims file', () => {
    const readme = list('- Directive :claim[embed-ok].\n- Wrong file [`embed-ok`](content/claims/other.yaml).\n');
    const findings = runRule(rule, { readme, claims: claims() });
    expect(brief(findings)).toEqual(['error readme-claims-list README.md:4 [embed-ok]', 'error readme-claims-list README.md:5 [embed-ok]']);
    expect(findings.map((f) => f.found)).toEqual([':claim[embed-ok], shown as raw text on GitHub', 'a link to content/claims/other.yaml']);
    expect(findings[0]!.expected).toBe('a link GitHub renders: [`embed-ok`](content/claims/test.yaml)');
  });

  it('does not flag a list whose statements all cite claims by links to their files', () => {
    expect(runRule(rule, { readme: list('- Cited [`embed-ok`](content/claims/test.yaml).\n'), claims: claims() })).toEqual([]);
  });
});
