import { describe, expect, it } from 'vitest';
import { brief, committed, evidenceDocument, evidenceSlice, files, runRule, sealed } from '../testing.ts';
import rule from './scene-fixture-failed.ts';

describe('scene-fixture-failed', () => {
  it('reports a scene fixture accepted or rejected against its expectation, with the validator issues', () => {
    const doc = evidenceDocument('scenes/artifacts.json');
    const scene = doc.body.cases[0];
    Object.assign(scene, { status: 'failed', observed: 'rejected', issues: [{ code: 'unknown_unit', path: 'units', message: 'furlong' }] });
    const findings = runRule(rule, { evidence: evidenceSlice({ files: files(['scenes/artifacts.json', sealed(doc)]) }) });
    expect(brief(findings)).toEqual([`error scene-fixture-failed ${scene.fixture_path}:- [${scene.fixture_id}]`]);
    expect(findings[0]!.found).toBe('rejected: unknown_unit at units: furlong');
  });

  it('does not flag the committed scene evidence', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }) })).toEqual([]);
  });
});
