/** readme-provider-table: the README provider table is the one rendered from the catalog profiles. */
import { findProviderTable, renderProviderTable } from '../../readme/provider-table.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'readme-provider-table',
  title: 'README provider table equals the profiles',
  why: 'The provider table in README.md is generated from the catalog profiles between marker comments, so the front page can never advertise a capability the code does not.',
  fix: 'Run `npm run evidence` (it rewrites the marked block) and commit README.md.',
  scope: ['readme', 'profiles'],
  check: ({ readme, profiles }): FindingDraft[] => {
    const expected = renderProviderTable(profiles);
    const found = findProviderTable(readme);
    if (!found) {
      return [
        {
          file: 'README.md',
          id: 'provider-table',
          expected: 'a provider table between the worldforge:provider-table markers',
          found: 'markers missing',
          fix: 'Restore the two marker comments in README.md, then run `npm run evidence`.',
        },
      ];
    }
    if (found.current === expected) return [];
    const want = expected.split('\n');
    const have = found.current.split('\n');
    const diffs = want
      .map((line, i) => ({ line, i }))
      .filter(({ line, i }) => have[i] !== line)
      .map(({ line, i }) => `line ${found.line + i}:\n  - ${have[i] ?? '(missing)'}\n  + ${line}`);
    const extra = have.length > want.length ? [`${have.length - want.length} extra line(s) at the end of the table`] : [];
    return [
      {
        file: 'README.md',
        line: found.line,
        id: 'provider-table',
        expected: 'the table rendered from the catalog profiles',
        found: `${diffs.length + extra.length} row(s) differ`,
        details: [...diffs, ...extra].join('\n'),
      },
    ];
  },
});
