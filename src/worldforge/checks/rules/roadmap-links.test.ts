import { describe, expect, it } from 'vitest';
import { brief, claimRow, claimsOf, committed, runRule } from '../testing.ts';
import rule from './roadmap-links.ts';

const refs = () => ({ evidence: committed(), records: {} });
const claims = () =>
  claimsOf(claimRow('known', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n'));
const roadmap = (items: string) =>
  new Map([['content/roadmap.yaml', `streams:\n  - id: A\n    title: Providers\n    summary: What providers do.\n    items:\n${items}`]]);

describe('roadmap-links', () => {
  it('reports an unknown claim and an unresolved ref at their lines', () => {
    const content = roadmap(
      '      - id: x\n        title: An item\n        status: open\n        summary: Something to build.\n        claims:\n          - known\n          - nope\n        refs:\n          - conformance/mock#embed\n          - fixtures/nope\n',
    );
    const findings = runRule(rule, { content, claims: claims(), refs: refs() });
    expect(brief(findings)).toEqual(['error roadmap-links content/roadmap.yaml:12 [x]', 'error roadmap-links content/roadmap.yaml:15 [x]']);
    expect(findings.map((f) => f.found)).toEqual(['no such claim', 'no evidence file evidence/fixtures/nope.json']);
  });

  it('reports a done item that cites nothing and a deferred item without a blocker', () => {
    const content = roadmap(
      '      - id: d\n        title: Done item\n        status: done\n        summary: It is said to be done.\n      - id: e\n        title: Deferred\n        status: deferred\n        summary: Not now, for reasons.\n',
    );
    const findings = runRule(rule, { content, claims: claims(), refs: refs() });
    expect(findings.map((f) => f.found)).toEqual([
      'a done item cites the claims or refs that show it',
      'a deferred item states a blocker and a revisit trigger',
    ]);
  });

  it('does not flag a roadmap whose citations resolve, and flags a missing file', () => {
    const content = roadmap(
      '      - id: ok\n        codes: [WF-A1]\n        title: Fine\n        status: done\n        summary: Shown by evidence.\n        claims: [known]\n        refs: [conformance/mock#embed]\n',
    );
    expect(runRule(rule, { content, claims: claims(), refs: refs() })).toEqual([]);
    expect(brief(runRule(rule, { content: new Map(), claims: claims(), refs: refs() }))).toEqual([
      'error roadmap-links content/roadmap.yaml:- [content/roadmap.yaml]',
    ]);
  });
});
