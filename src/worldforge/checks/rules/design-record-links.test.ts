import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, designRecordText, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './design-record-links.ts';

const PATH = 'content/design-records/d.md';
const cohort = { 'content/selection-records/cohort-x.md': selectionRecordText('cohort-x', candidateYaml('genie')) };

describe('design-record-links', () => {
  it('reports a selection reference to a missing candidate and a body link to a missing page', () => {
    const records = recordsOf({
      ...cohort,
      [PATH]: designRecordText('d', 'selection: cohort-x#nope\n', 'See [x](/design-records/missing/).\n'),
    });
    const findings = runRule(rule, { records });
    expect(brief(findings)).toEqual([`error design-record-links ${PATH}:13 [(body)]`, `error design-record-links ${PATH}:10 [selection]`]);
    expect(findings.map((f) => f.found)).toEqual([
      '/design-records/missing/ resolves to no page',
      "record 'cohort-x' has no candidate 'nope'",
    ]);
    expect(findings[1]!.fix).toBe('selection records: cohort-x');
  });

  it('does not flag references and links that resolve', () => {
    const records = recordsOf({
      ...cohort,
      [PATH]: designRecordText('d', 'selection: cohort-x#genie\n', 'See [cohort](/selection/#cohort-x) and [me](/design-records/d/).\n'),
    });
    expect(runRule(rule, { records })).toEqual([]);
  });
});
