/** evidence-drift: committed evidence is byte-identical to a fresh in-memory regeneration. */
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { evidenceFile } from '../../evidence/index.ts';
import { countOf } from '../../text.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { evidenceSubject } from '../documents.ts';

/** Longest diff a finding prints; the rest is summarised in one line. */
const MAX_DIFF_LINES = 60;

function unifiedDiff(path: string, committed: string, fresh: string): string {
  const patch = createTwoFilesPatch(`committed/${path}`, `regenerated/${path}`, committed, fresh, '', '', { context: 2 });
  const lines = patch.split('\n').slice(2); // drop the "====" banner
  return lines.length > MAX_DIFF_LINES
    ? [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more diff lines`].join('\n')
    : lines.join('\n').trimEnd();
}

/**
 * The first line of the committed file that the regeneration changes (where a pull-request
 * annotation belongs); for a pure insertion, the line it follows.
 */
function firstChangedLine(committed: string, fresh: string): number {
  const [hunk] = structuredPatch('committed', 'regenerated', committed, fresh, '', '', { context: 0 }).hunks;
  return Math.max(1, hunk?.oldStart ?? 1);
}

export default defineRule({
  id: 'evidence-drift',
  title: 'Committed evidence equals a fresh regeneration',
  why: 'The check re-runs every suite in memory and compares byte for byte with the committed file, as api-extractor does with its API report. Any difference means the code, fixtures or inputs changed without the evidence being regenerated (or the evidence was edited).',
  fix: 'Run `npm run evidence`, review the diff, and commit the evidence in the same commit as the change that caused it.',
  scope: ['evidence'],
  check: ({ evidence: { committed, fresh } }): FindingDraft[] =>
    [...(fresh ?? [])].flatMap(([path, text]) => {
      const before = committed.get(path);
      if (before === undefined || before === text) return [];
      const changed = unifiedDiff(path, before, text);
      const count = changed.split('\n').filter((l) => /^[+-](?![+-])/.test(l)).length;
      return [
        {
          file: evidenceFile(path),
          line: firstChangedLine(before, text),
          id: evidenceSubject(path),
          expected: 'committed file is byte-identical to a fresh regeneration',
          found: `${countOf(count, 'line')} differ`,
          details: changed,
        },
      ];
    }),
});
