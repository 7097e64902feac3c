import { describe, expect, it } from 'vitest';
import { brief, designRecordText, recordsOf, runRule } from '../testing.ts';
import rule from './design-record-schema.ts';

const PATH = 'content/design-records/d.md';
const record = (extra: string, id = 'd') => recordsOf({ [PATH]: designRecordText(id, extra) });

describe('design-record-schema', () => {
  it('reports a deferral without blocker or trigger, an artifact boundary without mapping and a repeated candidate: one finding per record and per candidate', () => {
    const findings = runRule(rule, { records: record('decision_note: x\n') });
    expect(brief(findings)).toEqual([`error design-record-schema ${PATH}:10 [decision_note]`]);
    const text = designRecordText(
      'd',
      'candidates:\n  - name: Option A\n    verdict: rejected\n    reason: Not an automation interface.\n  - name: Option A\n    verdict: deferred\n    reason: Nothing to wrap yet, see blocker.\n',
    )
      .replace('decision: accepted', 'decision: deferred')
      .replace('kind: provider-runtime', 'kind: artifact-boundary');
    const findings2 = runRule(rule, { records: recordsOf({ [PATH]: text }) });
    expect(brief(findings2)).toEqual([
      `error design-record-schema ${PATH}:2 [blocker]`,
      `error design-record-schema ${PATH}:14 [candidates.1.name]`,
    ]);
    expect(findings2[0]!.found).toMatch(/\(and 2 more problems here, listed below\)$/);
    expect(findings2[0]!.details).toMatch(/capability_mapping[\s\S]*revisit_trigger/);
    expect(brief(runRule(rule, { records: record('', 'other') }))).toEqual([`error design-record-schema ${PATH}:2 [id]`]);
  });

  it('does not flag a complete accepted decision', () => {
    expect(runRule(rule, { records: record('') })).toEqual([]);
  });
});
