/** evidence-stale: the inputs each evidence file lists still have the digests it recorded. */
import { evidenceKindOf, evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { parseJson } from '../documents.ts';

export default defineRule({
  id: 'evidence-stale',
  title: 'Evidence inputs are unchanged since generation',
  why: 'Each evidence file lists the files its result depends on (fixtures, provider and suite sources) with their sha256. Staleness is decided by content hash, never by git dates, which shallow CI clones get wrong. A changed input means the evidence describes code or data that no longer exists.',
  fix: 'Run `npm run evidence` and commit the regenerated evidence together with the changed input.',
  scope: ['evidence', 'repo'],
  check: ({ evidence: { committed }, repo }): FindingDraft[] =>
    [...committed].flatMap(([path, text]) => {
      if (!evidenceKindOf(path)) return [];
      const parsed = parseJson(text);
      if (!parsed.ok) return [];
      const inputs = (parsed.value as { inputs?: unknown }).inputs;
      if (!Array.isArray(inputs)) return [];
      return inputs.flatMap((input: { path?: unknown; sha256?: unknown }) => {
        if (typeof input?.path !== 'string') return [];
        const now = repo.digest(input.path);
        return now === input.sha256
          ? []
          : [
              {
                file: evidenceFile(path),
                id: input.path,
                expected: `${input.path} unchanged (${String(input.sha256).slice(0, 19)}…)`,
                found: now === null ? `${input.path} no longer exists` : `${input.path} changed (${now.slice(0, 19)}…)`,
                // A changed input that fails its own schema is reported by that schema rule instead.
                depends: [input.path],
              },
            ];
      });
    }),
});
