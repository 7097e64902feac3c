import { describe, expect, it } from 'vitest';
import type { RefSources } from '../../claims/refs.ts';
import { kind as designKind } from '../../kinds/design-records/kind.ts';
import { kind as selectionKind } from '../../kinds/selection-records/kind.ts';
import { parseDesignRecord, parseSelectionRecord } from '../../records/load.ts';
import { brief, candidateYaml, claimRow, claimsOf, committed, designRecordText, runRule, selectionRecordText } from '../testing.ts';
import rule from './claim-decision-mismatch.ts';

const DEFERRAL = 'blocker: No public automation API exists today.\nrevisit_trigger: A documented public API with auth and schema.\n';

/** Ref sources over one design record and one selection record, resolved by the real kinds. */
function sourcesWith(designDecision: string, candidateDecision: string): RefSources {
  const design = parseDesignRecord(
    'content/design-records/d.md',
    designRecordText('d', DEFERRAL).replace('decision: accepted', `decision: ${designDecision}`),
  ).record!;
  const extra = `    blocker: No public automation API exists today.\n    revisit_trigger: A documented public API with auth and schema.\n`;
  const selection = parseSelectionRecord(
    'content/selection-records/s.md',
    selectionRecordText('s', candidateYaml('c', candidateDecision, extra)),
  ).record!;
  const records = { selection: [selection], design: [design], problems: [] };
  return {
    evidence: committed(),
    records: {
      'design-records': designKind.resolver({ root: '.', records }),
      'selection-records': selectionKind.resolver({ root: '.', records }),
    },
  };
}

const open = (id: string, cls: string, ...refs: string[]) =>
  claimRow(
    id,
    `    area: provider\n    class: ${cls}\n    blocker: Blocked upstream for now.\n    evidence:\n${refs.map((r) => `      - ${r}\n`).join('')}`,
  );

describe('claim-decision-mismatch', () => {
  it('accepts deferred claims citing deferred records', () => {
    const claims = claimsOf(open('still-deferred', 'deferred', 'design-records/d', 'selection-records/s#c'));
    expect(runRule(rule, { claims, refs: sourcesWith('deferred', 'deferred') })).toEqual([]);
  });

  it('fails the claim when the design record flips its decision, naming the ref line', () => {
    const claims = claimsOf(open('flipped-design', 'deferred', 'design-records/d', 'selection-records/s#c'));
    const findings = runRule(rule, { claims, refs: sourcesWith('accepted', 'deferred') });
    expect(brief(findings)).toEqual(['error claim-decision-mismatch content/claims/test.yaml:9 [flipped-design]']);
    expect(findings[0]!.found).toBe('design-records/d decides accepted (content/design-records/d.md)');
  });

  it('fails the claim when the selection candidate becomes active', () => {
    const claims = claimsOf(open('flipped-candidate', 'deferred', 'selection-records/s#c'));
    expect(brief(runRule(rule, { claims, refs: sourcesWith('deferred', 'active') }))).toEqual([
      'error claim-decision-mismatch content/claims/test.yaml:9 [flipped-candidate]',
    ]);
  });

  it('lets an unsupported claim cite a rejection, but not an acceptance', () => {
    const ok = runRule(rule, {
      claims: claimsOf(open('rejected-ok', 'unsupported', 'design-records/d')),
      refs: sourcesWith('rejected', 'deferred'),
    });
    expect(ok).toEqual([]);
    const bad = runRule(rule, {
      claims: claimsOf(open('accepted-bad', 'unsupported', 'design-records/d')),
      refs: sourcesWith('accepted', 'deferred'),
    });
    expect(brief(bad)).toEqual(['error claim-decision-mismatch content/claims/test.yaml:9 [accepted-bad]']);
  });
});
