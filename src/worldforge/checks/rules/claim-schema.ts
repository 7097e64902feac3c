/** claim-schema: claim rows and known gaps load without problems; each broken row (or file) is one finding and drops only itself. */
import type { RejectedRow } from '../../claims/load.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { ANY, claimKey, claimRefKey, gapKey } from '../quarantine.ts';
import { schemaFinding } from '../schema-finding.ts';

/** What other findings may have needed from a rejected claim row: its id and the refs it cites (any, when unreadable). */
const claimKeys = (row: RejectedRow) => [claimKey(row.id ?? ANY), ...(row.refs ? row.refs.map(claimRefKey) : [claimRefKey(ANY)])];

/** The gap entry a rejected known gap would have been. */
const gapKeys = (row: RejectedRow) => [gapKey(row.rule ?? ANY, row.id ?? ANY)];

export default defineRule({
  id: 'claim-schema',
  title: 'Claim rows and known gaps are well formed',
  why: 'Claims are data: each row has an id, a statement, an area, an evidence class, evidence refs and a boundary (what it does not prove). Deferred and unsupported rows also need a blocker or a first routing step. A malformed row cannot be checked, so it is an error — one per row: the row is left out, and what other rules would conclude from its absence (README references, coverage) is not reported as more errors.',
  fix: 'Fix the named field at the given file:line in content/claims/.',
  scope: ['claims', 'gaps'],
  check: ({ claims, gaps }): FindingDraft[] => [
    ...claims.rejected.map((row) =>
      row.index === null
        ? schemaFinding(row.problems, 'a readable claims file', { quarantine: [claimKey(ANY), claimRefKey(ANY)] })
        : schemaFinding(row.problems, 'a valid claim row', { subject: row.id ?? `claims.${row.index}`, quarantine: claimKeys(row) }),
    ),
    ...gaps.rejected.map((row) =>
      row.index === null
        ? schemaFinding(row.problems, 'a readable known-gaps file', { quarantine: [gapKey(ANY, ANY)] })
        : schemaFinding(row.problems, 'a valid known gap', { subject: `gaps.${row.index}`, quarantine: gapKeys(row) }),
    ),
  ],
});
