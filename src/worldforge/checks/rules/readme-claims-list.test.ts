import { describe, expect, it } from 'vitest';
import { brief, runRule } from '../testing.ts';
import rule from './readme-claims-list.ts';

const list = (items: string) => `# T\n\n<!-- worldforge:claims:start -->\n${items}<!-- worldforge:claims:end -->\n`;

describe('readme-claims-list', () => {
  it('reports a statement of the marked list without a claim reference, and missing markers', () => {
    expect(brief(runRule(rule, { readme: list('- Cited :claim[embed-ok].\n- Not cited at all.\n') }))).toEqual([
      'error readme-claims-list README.md:5 [- Not cited at all.]',
    ]);
    expect(brief(runRule(rule, { readme: '# T\n' }))).toEqual(['error readme-claims-list README.md:- [claims-list]']);
  });

  it('does not flag a list whose statements all cite claims', () => {
    expect(runRule(rule, { readme: list('- Cited :claim[embed-ok].\n') })).toEqual([]);
  });
});
