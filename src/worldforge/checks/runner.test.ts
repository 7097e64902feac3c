import { describe, expect, it } from 'vitest';
import type { CheckRule } from './define-rule.ts';
import { defineRule } from './define-rule.ts';
import { rulesReading, runRules } from './runner.ts';
import { brief, claimsOf, gapsOf } from './testing.ts';

const docs = { title: 'A test rule', why: 'Tests the runner.', fix: 'Nothing to fix.' };
/** Test rules borrow registered ids: findings always name a registered rule. */
const crashing = defineRule({
  ...docs,
  id: 'claim-duplicate',
  scope: ['readme'],
  check: () => {
    throw new Error('boom at /home/alice/secret.txt\n    at stack frame');
  },
}) as CheckRule;
const reporting = defineRule({
  ...docs,
  id: 'readme-claims-list',
  scope: ['readme'],
  check: ({ readme }) => [{ file: 'README.md', id: 'x', expected: 'e', found: readme }],
}) as CheckRule;

describe('the rule runner', () => {
  it('turns a rule that throws into one error finding at the rule source, redacted, and still runs the others', () => {
    const findings = runRules({ readme: 'text' }, [crashing, reporting]);
    expect(brief(findings)).toEqual([
      'error readme-claims-list README.md:- [x]',
      'error claim-duplicate src/worldforge/checks/rules/claim-duplicate.ts:- [claim-duplicate]',
    ]);
    const crash = findings[1]!;
    expect(crash.found).toMatch(/^rule claim-duplicate crashed: boom at /);
    expect(crash.found).not.toContain('alice');
    expect(crash.docs).toBe('/rules/claim-duplicate/');
  });

  it('passes a rule only the slices it declares, and reports a missing slice as that rule crashing', () => {
    let seen: string[] = [];
    const spy = defineRule({
      ...docs,
      id: 'claim-schema',
      scope: ['readme'],
      check: (slices) => {
        seen = Object.keys(slices);
        return [];
      },
    }) as CheckRule;
    expect(runRules({ readme: 'x', profiles: [], today: new Date() }, [spy])).toEqual([]);
    expect(seen).toEqual(['readme']);
    expect(runRules({}, [spy])[0]!.found).toBe('rule claim-schema crashed: it reads readme, which the caller did not load');
  });

  it('runs rules that read findings after the others, then downgrades accepted known gaps', () => {
    const gaps = gapsOf('  - rule: readme-claims-list\n    id: x\n    reason: Accepted while testing.\n');
    const counting = defineRule({
      ...docs,
      id: 'known-gap-stale',
      scope: ['findings'],
      check: ({ findings }) => [{ file: 'f', id: `saw ${findings.length}`, expected: '', found: findings.map((f) => f.level).join() }],
    }) as CheckRule;
    const findings = runRules({ readme: 'r', gaps, claims: claimsOf('') }, [counting, reporting]);
    expect(findings.map((f) => `${f.rule} ${f.level} ${f.id} ${f.found}`)).toEqual([
      'known-gap-stale error saw 1 error',
      'readme-claims-list warning x r',
    ]);
  });

  it('selects the rules that read only the given slices', () => {
    expect(rulesReading(['records']).map((r) => r.id)).toEqual([
      'design-record-links',
      'design-record-schema',
      'selection-active-limit',
      'selection-deferral',
      'selection-links',
      'selection-schema',
      'selection-score-band',
    ]);
  });
});
