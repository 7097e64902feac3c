import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './selection-schema.ts';

const PATH = 'content/selection-records/shape.md';

describe('selection-schema', () => {
  it('reports a structural problem, an id that is not the file name and a repeated candidate id, with hints', () => {
    const text = selectionRecordText('other', candidateYaml('a') + candidateYaml('a', 'rfc', '    total: 8\n'));
    const findings = runRule(rule, { records: recordsOf({ [PATH]: text }) });
    expect(brief(findings)).toEqual([`error selection-schema ${PATH}:44 [candidates.1.total]`]);
    const renamed = runRule(rule, {
      records: recordsOf({ [PATH]: selectionRecordText('other', candidateYaml('a') + candidateYaml('a')) }),
    });
    expect(brief(renamed)).toEqual([`error selection-schema ${PATH}:26 [candidates.1.id]`, `error selection-schema ${PATH}:2 [id]`]);
    expect(renamed[0]).toMatchObject({
      found: "candidate id 'a' is used twice",
      fix: 'rename one of the candidates; ids are cited by claims',
    });
    expect(brief(runRule(rule, { records: recordsOf({ [PATH]: '---\nid: x\ntitle: [unclosed\n---\n' }) }))[0]).toMatch(
      /\[\(frontmatter\)\]$/,
    );
  });

  it('does not flag a well-formed record', () => {
    expect(
      runRule(rule, { records: recordsOf({ [PATH]: selectionRecordText('shape', candidateYaml('a') + candidateYaml('b')) }) }),
    ).toEqual([]);
  });
});
