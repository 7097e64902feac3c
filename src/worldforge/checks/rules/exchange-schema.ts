/** exchange-schema: every recorded provider exchange loads without problems (one finding per broken file). */
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { schemaFindingsByFile } from '../schema-finding.ts';

export default defineRule({
  id: 'exchange-schema',
  title: 'Recorded exchanges are well formed',
  why: 'Remote adapters are tested offline against recorded API exchanges (`fixtures/providers/<provider>/*.json`), which a loopback server replays. A file with a missing field, a non-JSON body, a duplicate key or an id that does not match its folder and name would replay the wrong conversation, so the suites refuse to run and the file is reported once, with every problem listed.',
  fix: 'Fix the named field of the exchange file (see fixtures/README.md, recorded exchanges), then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { inputProblems } }): FindingDraft[] =>
    schemaFindingsByFile(
      inputProblems.filter((p) => p.rule === 'exchange-schema'),
      'a well-formed recorded exchange',
    ),
});
