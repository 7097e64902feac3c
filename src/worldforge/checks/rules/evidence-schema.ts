/** evidence-schema: every committed evidence file and the index parse with their shared schema (one finding per broken file). */
import { EVIDENCE_KINDS, evidenceFile, evidenceKindOf, INDEX_PATH } from '../../evidence/index.ts';
import { storedEvidence } from '../../evidence/store.ts';
import { formatIssues, zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { evidenceSubject } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'evidence-schema',
  title: 'Evidence files match their schema',
  why: 'Every file in evidence/ is parsed with the same zod schema the site uses. A file that breaks it cannot be rendered or trusted, and a result_digest that does not match the body means the file was edited by hand. A broken file is one finding: its drift, its index digest and the claims citing it are not reported again.',
  fix: 'Do not edit evidence/ by hand. Run `npm run evidence` to regenerate, then commit the result.',
  scope: ['evidence'],
  check: ({ evidence: { committed } }): FindingDraft[] =>
    [...committed].flatMap(([path, text]): FindingDraft[] => {
      const kind = evidenceKindOf(path);
      if (!kind && path !== INDEX_PATH) return [];
      const file = evidenceFile(path);
      const result = storedEvidence(path, text);
      if (result.ok) return [];
      if (result.stage === 'json')
        return [{ file, line: result.problem.line, id: evidenceSubject(path), expected: 'valid JSON', found: result.problem.reason }];
      if (!result.error) return [];
      const issues = zodIssues(result.error, result.json);
      const more = issues.length - 1;
      return [
        {
          file,
          id: `${evidenceSubject(path)} → ${issues[0]!.path}`,
          expected: `field ${issues[0]!.path} valid for ${kind ? EVIDENCE_KINDS[kind].schemaName : 'the index schema'}`,
          found: more ? `${issues[0]!.message} (and ${more} more problem${more === 1 ? '' : 's'}, listed below)` : issues[0]!.message,
          details: formatIssues(issues),
        },
      ];
    }),
});
