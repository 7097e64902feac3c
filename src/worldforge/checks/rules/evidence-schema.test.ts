import { describe, expect, it } from 'vitest';
import { brief, committed, evidenceDocument, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-schema.ts';

describe('evidence-schema', () => {
  it('names the file and field of a schema violation, and of a file that is not JSON', () => {
    const doc = evidenceDocument('conformance/genie.json');
    doc.body.cases[0].status = 'maybe';
    const evidence = evidenceSlice({ files: files(['conformance/genie.json', doc], ['conformance/mock.json', '{ nope']) });
    const findings = runRule(rule, { evidence });
    expect(brief(findings)).toEqual([
      'error evidence-schema evidence/conformance/genie.json:- [conformance/genie → body.cases.0.status]',
      'error evidence-schema evidence/conformance/mock.json:1 [conformance/mock]',
    ]);
    expect(findings[0]!.expected).toBe('field body.cases.0.status valid for worldforge.evidence.conformance@1');
    expect(findings[1]!.found).toMatch(/^not valid JSON: .*\(line 1, column 3\)$/);
  });

  it('reports a file with several broken fields, or a duplicate key, once', () => {
    const doc = evidenceDocument('conformance/genie.json');
    doc.body.cases[0].status = 'maybe';
    doc.body.cases[1].advertised = 'yes';
    const text = JSON.stringify(doc, null, 2);
    const duplicated = text.replace('"body": {', '"body": {\n    "provider": "mock",');
    const evidence = evidenceSlice({ files: files(['conformance/genie.json', text], ['conformance/mock.json', duplicated]) });
    const findings = runRule(rule, { evidence });
    expect(brief(findings)).toEqual([
      'error evidence-schema evidence/conformance/genie.json:- [conformance/genie → body.cases.0.status]',
      'error evidence-schema evidence/conformance/mock.json:92 [conformance/mock]',
    ]);
    expect(findings[0]!.found).toMatch(/\(and 1 more problem, listed below\)$/);
    expect(findings[1]!.found).toMatch(/^duplicate key 'provider'/);
  });

  it('checks the index against its own schema and accepts the committed tree', () => {
    expect(brief(runRule(rule, { evidence: evidenceSlice({ files: files(['index.json', { files: [] }]) }) }))).toEqual([
      'error evidence-schema evidence/index.json:- [index → schema]',
    ]);
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }) })).toEqual([]);
  });
});
