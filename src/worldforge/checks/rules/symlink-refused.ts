/** symlink-refused: no symlink (or other non-regular entry) under evidence/, content/, fixtures/, .worldforge/ or the docs. */
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { ANY } from '../quarantine.ts';

export default defineRule({
  id: 'symlink-refused',
  title: 'Data folders hold no symlinks',
  why: 'A symlink under evidence/, content/, fixtures/, .worldforge/ or src/content/docs/ could make the check read, the site publish, or a writer overwrite a file anywhere on the host — a secret, another checkout’s evidence. WorldForge never follows one: the walkers leave it unread and this rule reports it, once; what its absence causes (missing evidence, unknown refs) is not reported again.',
  fix: 'Replace the symlink with a regular file (or folder) holding the content, or delete it.',
  scope: ['refused'],
  check: ({ refused }): FindingDraft[] =>
    refused.map((entry) => ({
      file: entry.path,
      id: entry.path,
      expected: 'a regular file or folder',
      found: `${entry.path} ${entry.reason}`,
      quarantine: [entry.path, `${entry.path}/${ANY}`],
    })),
});
