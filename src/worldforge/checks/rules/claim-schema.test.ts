import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, gapsOf, runRule } from '../testing.ts';
import rule from './claim-schema.ts';

const row = claimRow('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n');

describe('claim-schema', () => {
  it('reports a malformed row once, at file:line of its first problem, listing every problem, and keeps the other rows', () => {
    const claims = claimsOf(`${row}  - id: Bad Id\n    statement: short\n${row.replace('embed-ok', 'embed-two')}`);
    const findings = runRule(rule, { claims, gaps: gapsOf('') });
    expect(brief(findings)).toEqual(['error claim-schema content/claims/test.yaml:9 [Bad Id]']);
    expect(findings[0]!.found).toMatch(/^claims\.1\.area: .* \(and 4 more problems here, listed below\)$/);
    expect(findings[0]!.details!.split('\n')).toHaveLength(5);
    expect(claims.claims.map((c) => c.value.id)).toEqual(['embed-ok', 'embed-two']);
  });

  it('names a YAML syntax error by file, line and column, and a broken known-gaps entry', () => {
    const broken = runRule(rule, { claims: claimsOf(`${row}  - id: "unterminated\n`), gaps: gapsOf('') });
    expect(brief(broken)).toEqual(['error claim-schema content/claims/test.yaml:10 [(yaml)]']);
    expect(broken[0]!.found).toMatch(/^YAML syntax: .*\(line 10, column \d+\)$/);
    expect(brief(runRule(rule, { claims: claimsOf(row), gaps: gapsOf('  - rule: claim-coverage\n    id: x\n') }))).toEqual([
      'error claim-schema content/claims/known-gaps.yaml:2 [gaps.0]',
    ]);
  });

  it('does not flag well-formed rows and gaps', () => {
    expect(
      runRule(rule, { claims: claimsOf(row), gaps: gapsOf('  - rule: claim-coverage\n    id: x\n    reason: Accepted while testing.\n') }),
    ).toEqual([]);
  });
});
