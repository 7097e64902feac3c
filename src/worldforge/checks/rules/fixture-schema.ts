/** fixture-schema: the capability and scene fixture corpora load without problems (one finding per broken file). */
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { schemaFindingsByFile } from '../schema-finding.ts';

export default defineRule({
  id: 'fixture-schema',
  title: 'Capability fixtures are well formed',
  why: 'The fixture corpus is shared by every suite. A fixture with a missing field, a non-JSON value, a duplicate key, a wrong capability folder or an id that does not match its file name would silently test the wrong thing. A broken file is one finding; the stale digests of the evidence that lists it as an input are not reported again.',
  fix: 'Fix the named field of the fixture file (see fixtures/README.md for the format), then run `npm run evidence`.',
  scope: ['evidence'],
  check: ({ evidence: { inputProblems } }): FindingDraft[] =>
    schemaFindingsByFile(
      inputProblems.filter((p) => p.rule === undefined || p.rule === 'fixture-schema'),
      'a well-formed capability fixture',
    ),
});
