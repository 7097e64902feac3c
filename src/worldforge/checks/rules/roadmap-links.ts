/** roadmap-links: content/roadmap.yaml validates, and every claim and ref it cites resolves. */
import { resolveRef } from '../../claims/refs.ts';
import { ROADMAP_FILE, parseRoadmap } from '../../roadmap/roadmap.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { claimKey } from '../quarantine.ts';

export default defineRule({
  id: 'roadmap-links',
  title: 'Roadmap items cite claims and evidence that exist',
  why: 'The /roadmap/ page tells readers which items are settled and by what. An item citing a claim that does not exist or a ref that resolves to nothing would send them to a dead end, and a done item without anything that shows it would be an unbacked claim of its own.',
  fix: 'Fix the claim id or ref in content/roadmap.yaml (refs look like `conformance/mock#generate` or `design-records/genie`), or change the item’s status to what the evidence shows.',
  scope: ['content', 'claims', 'refs'],
  check: ({ content, claims, refs }): FindingDraft[] => {
    const text = content.get(ROADMAP_FILE);
    if (text === undefined) {
      return [{ file: ROADMAP_FILE, id: ROADMAP_FILE, expected: 'a roadmap file (the /roadmap/ page renders it)', found: 'no such file' }];
    }
    const { roadmap, problems, lineOf } = parseRoadmap(text);
    if (!roadmap) {
      return problems.map((p) => ({ file: ROADMAP_FILE, line: p.line, id: p.field, expected: 'a valid roadmap', found: p.reason }));
    }
    const claimIds = new Set(claims.claims.map((c) => c.value.id));
    const findings: FindingDraft[] = [];
    for (const [s, stream] of roadmap.streams.entries()) {
      for (const [i, item] of stream.items.entries()) {
        for (const [k, id] of item.claims.entries()) {
          if (!claimIds.has(id))
            findings.push({
              file: ROADMAP_FILE,
              line: lineOf(s, i, 'claims', k),
              id: item.id,
              expected: `claim '${id}' exists in content/claims/`,
              found: 'no such claim',
              // A claim row that failed its schema is reported there, not again here.
              depends: [claimKey(id)],
            });
        }
        for (const [k, ref] of item.refs.entries()) {
          const resolved = resolveRef(ref, refs);
          if (!resolved.found)
            findings.push({
              file: ROADMAP_FILE,
              line: lineOf(s, i, 'refs', k),
              id: item.id,
              expected: `${ref} resolves`,
              found: resolved.detail,
              // A record or evidence file that failed its schema is reported there, not again here.
              depends: [resolved.source],
            });
        }
      }
    }
    return findings;
  },
});
