import { describe, expect, it } from 'vitest';
import { catalogProfiles } from '../../providers/catalog.ts';
import { brief, committed, evidenceDocument, evidenceSlice, files, runRule, sealed } from '../testing.ts';
import rule from './conformance-failed.ts';

describe('conformance-failed', () => {
  it('reports a failed case of a regenerated conformance document', () => {
    const doc = evidenceDocument('conformance/mock.json');
    const failed = doc.body.cases.find((c: { id: string }) => c.id === 'embed/call');
    Object.assign(failed, { status: 'failed', observed: 'invalid_provider_output' });
    const evidence = evidenceSlice({ committed: committed(), fresh: files(['conformance/mock.json', sealed(doc)]) });
    const findings = runRule(rule, { evidence, profiles: catalogProfiles() });
    expect(brief(findings)).toEqual(['error conformance-failed evidence/conformance/mock.json:- [mock#embed/call]']);
    expect(findings[0]).toMatchObject({ expected: failed.expected, found: 'invalid_provider_output' });
  });

  it('does not flag passing cases (the committed conformance evidence)', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }), profiles: catalogProfiles() })).toEqual([]);
  });
});
