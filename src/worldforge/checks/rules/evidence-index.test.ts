import { describe, expect, it } from 'vitest';
import { sha256Tag } from '../../digest.ts';
import { INDEX_SCHEMA } from '../../evidence/index.ts';
import { brief, committed, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-index.ts';

const entry = (path: string, text: string) => ({ path, sha256: sha256Tag(text), kind: 'evidence', schema: 'x@1', status: 'passed' });

describe('evidence-index', () => {
  it('reports a digest that does not match and a file the index does not list', () => {
    const index = { schema: INDEX_SCHEMA, files: [{ ...entry('conformance/mock.json', 'old'), status: 'passed' }] };
    const evidence = evidenceSlice({
      files: files(['index.json', index], ['conformance/mock.json', 'new'], ['conformance/genie.json', 'x']),
    });
    const findings = runRule(rule, { evidence });
    expect(brief(findings)).toEqual([
      'error evidence-index evidence/index.json:- [conformance/genie.json]',
      'error evidence-index evidence/index.json:- [conformance/mock.json]',
    ]);
    expect(findings[1]).toMatchObject({ expected: sha256Tag('old'), found: sha256Tag('new') });
  });

  it('accepts an index that lists every file with its digest (the committed tree)', () => {
    expect(
      runRule(rule, {
        evidence: evidenceSlice({ files: files(['index.json', { schema: INDEX_SCHEMA, files: [entry('a.json', 'a')] }], ['a.json', 'a']) }),
      }),
    ).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }) })).toEqual([]);
  });
});
