import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../evidence/suite/repo.ts';
import { parseFixture } from '../../fixtures/load.ts';
import { ExchangeError, loadExchanges, parseExchange } from '../../replay/exchange.ts';
import { brief, evidenceSlice, runRule } from '../testing.ts';
import rule from './exchange-schema.ts';

const PATH = 'fixtures/providers/runway/task-failed.json';
const valid = () => JSON.parse(readFileSync(`${REPO_ROOT}/${PATH}`, 'utf8'));

describe('exchange-schema', () => {
  it('reports a malformed recorded exchange naming the file and the field', () => {
    const { problems } = parseExchange('runway', PATH, JSON.stringify({ ...valid(), capability: 'dance', id: 'runway.other' }));
    const findings = runRule(rule, { evidence: evidenceSlice({ fresh: null, inputProblems: problems }) });
    expect(brief(findings)).toEqual([`error exchange-schema ${PATH}:- [capability]`]);
    expect(findings[0]).toMatchObject({ expected: 'a well-formed recorded exchange', found: expect.stringContaining('"dance"') });
    const wrongId = parseExchange('runway', PATH, JSON.stringify({ ...valid(), id: 'runway.other' })).problems;
    expect(brief(runRule(rule, { evidence: evidenceSlice({ fresh: null, inputProblems: wrongId }) }))).toEqual([
      `error exchange-schema ${PATH}:- [id]`,
    ]);
    expect(parseExchange('runway', PATH, '{ nope').problems).toMatchObject([{ file: PATH, field: '(root)', rule: 'exchange-schema' }]);
  });

  it('does not flag a valid exchange nor capability-fixture problems (fixture-schema reports those)', () => {
    expect(parseExchange('runway', PATH, JSON.stringify(valid())).problems).toEqual([]);
    const fixture = parseFixture('fixtures/capabilities/embed/valid-x.json', '{}').problems;
    expect(runRule(rule, { evidence: evidenceSlice({ fresh: null, inputProblems: fixture }) })).toEqual([]);
  });

  it('loadExchanges throws one typed error listing the problems of every file, and loads valid ones', () => {
    expect(loadExchanges(REPO_ROOT, 'runway').length).toBeGreaterThan(0);
    expect(() => new ExchangeError([{ file: PATH, field: 'id', reason: 'bad' }]).problems).not.toThrow();
    expect(new ExchangeError([{ file: PATH, field: 'id', reason: 'bad' }]).message).toContain(`${PATH}: id: bad`);
  });
});
