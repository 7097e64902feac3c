import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './selection-score-band.ts';

const PATH = 'content/selection-records/band.md';
const record = (decision: string, extra = '') =>
  recordsOf({ [PATH]: selectionRecordText('band', candidateYaml('alpha', decision, extra)) });

describe('selection-score-band', () => {
  it('reports a decision contradicting the computed score, and a stale override on an agreeing one', () => {
    const findings = runRule(rule, { records: record('active') });
    expect(brief(findings)).toEqual([`error selection-score-band ${PATH}:25 [candidates.0.decision]`]);
    expect(findings[0]!.found).toBe("'alpha' is active but its computed score 8/16 is in band 8–11 (RFC / design)");
    expect(brief(runRule(rule, { records: record('rfc', '    override_reason: Pursued now because it unblocks others.\n') }))).toEqual([
      `error selection-score-band ${PATH}:26 [candidates.0.override_reason]`,
    ]);
  });

  it('accepts the band decision, and a contradiction with an override reason', () => {
    expect(runRule(rule, { records: record('rfc') })).toEqual([]);
    expect(runRule(rule, { records: record('active', '    override_reason: Pursued now because it unblocks others.\n') })).toEqual([]);
  });
});
