import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, designRecordText, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './selection-links.ts';

const PATH = 'content/selection-records/links.md';
const DESIGN = 'content/design-records/known.md';

describe('selection-links', () => {
  it('reports a missing design record, a missing required link, an unknown anchor and an unknown page', () => {
    const body = 'See [rubric bands](/selection/rubric/#band-maybe) and [promotions](/selection/promotions/).\n';
    const records = recordsOf({
      [PATH]: selectionRecordText('links', candidateYaml('a', 'rfc', '    design_record: no-such-record\n'), body),
      [DESIGN]: designRecordText('known'),
    });
    const findings = runRule(rule, { records });
    expect(brief(findings)).toEqual([
      `error selection-links ${PATH}:28 [(body)]`,
      `error selection-links ${PATH}:29 [(body)]`,
      `error selection-links ${PATH}:29 [(body)]`,
      `error selection-links ${PATH}:26 [candidates.0.design_record]`,
    ]);
    expect(findings.map((f) => f.found)).toEqual([
      'no such link in the body',
      '#band-maybe is not on /selection/rubric/',
      '/selection/promotions/ resolves to no page',
      "'no-such-record' does not exist",
    ]);
    expect(findings.find((f) => f.id === 'candidates.0.design_record')!.fix).toBe('known design records: known');
  });

  it('does not flag a record linking the rubric and promotion rules with references that resolve', () => {
    const records = recordsOf({
      [PATH]: selectionRecordText('links', candidateYaml('a', 'rfc', '    design_record: known\n')),
      [DESIGN]: designRecordText('known'),
    });
    expect(runRule(rule, { records })).toEqual([]);
  });
});
