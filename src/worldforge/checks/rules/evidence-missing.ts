/** evidence-missing: every file the suites produce is committed. */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { evidenceSubject } from '../documents.ts';

export default defineRule({
  id: 'evidence-missing',
  title: 'Every suite subject has committed evidence',
  why: 'A provider or suite that produces evidence in memory but has no committed file would leave the site and claims without a source.',
  fix: 'Run `npm run evidence` and commit the new file.',
  scope: ['evidence'],
  check: ({ evidence: { committed, fresh } }): FindingDraft[] =>
    [...(fresh?.keys() ?? [])]
      .filter((path) => !committed.has(path))
      .map((path) => ({ file: evidenceFile(path), id: evidenceSubject(path), expected: 'file committed', found: 'no such file' })),
});
