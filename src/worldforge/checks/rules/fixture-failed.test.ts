import { describe, expect, it } from 'vitest';
import { brief, committed, evidenceDocument, evidenceSlice, files, runRule, sealed } from '../testing.ts';
import rule from './fixture-failed.ts';

describe('fixture-failed', () => {
  it('reports each failed check of a regenerated fixture case at the fixture file', () => {
    const doc = evidenceDocument('fixtures/embed.json');
    const fixture = doc.body.cases[0];
    fixture.status = 'failed';
    fixture.checks[0].status = 'failed';
    fixture.checks[0].observed = 'returned a vector of the wrong size';
    const findings = runRule(rule, { evidence: evidenceSlice({ files: files(['fixtures/embed.json', sealed(doc)]) }) });
    expect(brief(findings)).toEqual([
      `error fixture-failed ${fixture.fixture_path}:- [${fixture.fixture_id} @ ${fixture.checks[0].target}]`,
    ]);
    expect(findings[0]).toMatchObject({
      found: 'returned a vector of the wrong size',
      details: 'evidence file: evidence/fixtures/embed.json',
    });
  });

  it('does not flag the committed fixture evidence, nor anything when the suites could not run', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }) })).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice({ committed: committed(), fresh: null }) })).toEqual([]);
  });
});
