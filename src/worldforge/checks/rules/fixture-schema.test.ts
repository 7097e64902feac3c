import { describe, expect, it } from 'vitest';
import { parseFixture } from '../../fixtures/load.ts';
import { parseExchange } from '../../replay/exchange.ts';
import { brief, evidenceSlice, runRule } from '../testing.ts';
import rule from './fixture-schema.ts';

const PATH = 'fixtures/capabilities/embed/valid-broken.json';

describe('fixture-schema', () => {
  it('reports each problem of a malformed capability fixture, naming file and field', () => {
    const { problems } = parseFixture(PATH, JSON.stringify({ id: 'embed.valid-broken', capability: 'predict' }));
    const findings = runRule(rule, { evidence: evidenceSlice({ fresh: null, inputProblems: problems }) });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'fixture-schema' && f.file === PATH && f.line === null)).toBe(true);
    expect(brief(findings)).toContain(`error fixture-schema ${PATH}:- [description]`);
    expect(findings[0]!.expected).toBe('a well-formed capability fixture');
  });

  it('leaves recorded-exchange problems to exchange-schema, and reports nothing for a valid corpus', () => {
    const { problems } = parseExchange('runway', 'fixtures/providers/runway/x.json', '{}');
    expect(runRule(rule, { evidence: evidenceSlice({ fresh: null, inputProblems: problems }) })).toEqual([]);
    expect(runRule(rule, { evidence: evidenceSlice() })).toEqual([]);
  });
});
