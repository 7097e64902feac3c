/** registry-index: each registry's generated index lists exactly the modules its folder holds. */
import { createTwoFilesPatch } from 'diff';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'registry-index',
  title: 'Registry indexes list exactly the modules of their folder',
  why: 'Check rules (`src/worldforge/checks/rules/`) and evidence kinds (`src/worldforge/kinds/`) are registries: one module per rule or kind, and an `index.ts` generated from the folder. A module missing from its index would never run (a rule that silently checks nothing, a kind whose evidence is never produced); an index entry without its module breaks the build. Comparing the committed index with the folder makes "add a rule" or "add a kind" one file plus its test.',
  fix: 'Run `npm run evidence` (it regenerates every registry index) and commit the index together with the module you added or removed.',
  scope: ['registries'],
  check: ({ registries }): FindingDraft[] => [
    ...registries.flatMap((r) =>
      r.rejected.map(({ entry, reason }) => ({
        file: `${r.path.replace(/index\.ts$/, '')}${entry}`,
        id: entry,
        expected: 'a module the registry index can import: a lower-case, dash-separated name',
        found: `left out of ${r.path}: ${reason}`,
        fix: 'Rename the module (or its folder) to a lower-case, dash-separated id, then run `npm run evidence`.',
      })),
    ),
    ...registries
      .filter((r) => r.committed !== r.expected)
      .map((r) => ({
        file: r.path,
        id: r.path.replace(/\/index\.ts$/, ''),
        expected: 'the index generated from the modules of the folder',
        found: r.committed === null ? 'no index file' : 'an index that differs from the folder (a module was added, removed or renamed)',
        details:
          r.committed === null
            ? null
            : createTwoFilesPatch(`${r.path} (committed)`, `${r.path} (generated)`, r.committed, r.expected, '', '', { context: 1 }),
      })),
  ],
});
