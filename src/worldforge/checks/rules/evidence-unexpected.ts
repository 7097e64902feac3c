/** evidence-unexpected: every committed evidence file is produced by a suite (no orphans). */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { evidenceSubject } from '../documents.ts';

export default defineRule({
  id: 'evidence-unexpected',
  title: 'No orphaned evidence files',
  why: 'A committed evidence file that no suite produces any more (a removed provider, a renamed subject) would keep backing pages and claims with stale results.',
  fix: 'Run `npm run evidence` (a full regeneration removes orphaned files) and commit the deletion.',
  scope: ['evidence'],
  check: ({ evidence: { committed, fresh } }): FindingDraft[] =>
    [...committed.keys()]
      .filter((path) => fresh !== null && !fresh.has(path))
      .map((path) => ({
        file: evidenceFile(path),
        id: evidenceSubject(path),
        expected: 'every file under evidence/ is produced by a suite',
        found: 'no suite produces this file',
      })),
});
