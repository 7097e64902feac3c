/** evidence-schema: every committed evidence file and the index parse with their shared schema. */
import { EVIDENCE_KINDS, evidenceIndexSchema, evidenceKindOf, evidenceSchemaOf, INDEX_PATH, evidenceFile } from '../../evidence/index.ts';
import { formatIssues, zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { evidenceSubject, parseJson } from '../documents.ts';

export default defineRule({
  id: 'evidence-schema',
  title: 'Evidence files match their schema',
  why: 'Every file in evidence/ is parsed with the same zod schema the site uses. A file that breaks it cannot be rendered or trusted, and a result_digest that does not match the body means the file was edited by hand.',
  fix: 'Do not edit evidence/ by hand. Run `npm run evidence` to regenerate, then commit the result.',
  scope: ['evidence'],
  check: ({ evidence: { committed } }): FindingDraft[] =>
    [...committed].flatMap(([path, text]) => {
      const kind = evidenceKindOf(path);
      const schema = kind ? evidenceSchemaOf(kind) : path === INDEX_PATH ? evidenceIndexSchema() : null;
      if (!schema) return [];
      const parsed = parseJson(text);
      if (!parsed.ok) return [{ file: evidenceFile(path), id: evidenceSubject(path), expected: 'valid JSON', found: parsed.message }];
      const result = schema.safeParse(parsed.value);
      if (result.success) return [];
      return zodIssues(result.error, parsed.value).map((issue) => ({
        file: evidenceFile(path),
        id: `${evidenceSubject(path)} → ${issue.path}`,
        expected: `field ${issue.path} valid for ${kind ? EVIDENCE_KINDS[kind].schemaName : 'the index schema'}`,
        found: issue.message,
        details: formatIssues([issue]),
      }));
    }),
});
