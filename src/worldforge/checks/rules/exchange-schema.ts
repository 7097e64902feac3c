/** exchange-schema: every recorded provider exchange loads without problems. */
import { problemFinding } from '../../problem.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'exchange-schema',
  title: 'Recorded exchanges are well formed',
  why: 'Remote adapters are tested offline against recorded API exchanges (`fixtures/providers/<provider>/*.json`), which a loopback server replays. A file with a missing field, a non-JSON body or an id that does not match its folder and name would replay the wrong conversation, so the suites refuse to run and every problem is reported with its file and field.',
  fix: 'Fix the named field of the exchange file (see fixtures/README.md, recorded exchanges), then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { inputProblems } }): FindingDraft[] =>
    inputProblems.filter((p) => p.rule === 'exchange-schema').map((p) => problemFinding(p, 'a well-formed recorded exchange')),
});
