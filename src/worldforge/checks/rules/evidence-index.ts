/** evidence-index: evidence/index.json lists every committed file with its current digest. */
import { sha256Tag } from '../../digest.ts';
import { type EvidenceIndex, INDEX_PATH, evidenceFile } from '../../evidence/index.ts';
import { storedEvidence } from '../../evidence/store.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'evidence-index',
  title: 'index.json digests match the files',
  why: 'evidence/index.json lists every evidence file with its sha256 so other tools can verify a copy of the evidence without re-running the suites.',
  fix: 'Run `npm run evidence` to rebuild the index.',
  scope: ['evidence'],
  check: ({ evidence: { committed } }): FindingDraft[] => {
    const text = committed.get(INDEX_PATH);
    if (text === undefined) return [];
    const stored = storedEvidence(INDEX_PATH, text);
    if (!stored.ok) return []; // reported by evidence-schema
    const index = stored.doc as EvidenceIndex;
    const listed = new Set(index.files.map((f) => f.path));
    const problems = index.files.flatMap((entry) => {
      const content = committed.get(entry.path);
      const actual = content === undefined ? 'file missing' : sha256Tag(content);
      return actual === entry.sha256
        ? []
        : [{ file: evidenceFile(INDEX_PATH), id: entry.path, expected: entry.sha256, found: actual, depends: [evidenceFile(entry.path)] }];
    });
    const unlisted = [...committed.keys()]
      .filter((path) => path !== INDEX_PATH && !listed.has(path))
      .map((path) => ({
        file: evidenceFile(INDEX_PATH),
        id: path,
        expected: 'listed in index.json',
        found: 'not listed',
        depends: [evidenceFile(path)],
      }));
    return [...problems, ...unlisted];
  },
});
