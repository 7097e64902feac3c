import { describe, expect, it } from 'vitest';
import { brief, candidateYaml, recordsOf, runRule, selectionRecordText } from '../testing.ts';
import rule from './selection-deferral.ts';

const PATH = 'content/selection-records/defer.md';
const BLOCKER = '    blocker: No public automation API or SDK exists today.\n';
const TRIGGER = '    revisit_trigger: A documented public API with auth and artifact schema.\n';
const deferred = (extra: string) => recordsOf({ [PATH]: selectionRecordText('defer', candidateYaml('x', 'deferred', extra, 0)) });

describe('selection-deferral', () => {
  it('reports a deferral without a revisit trigger and one whose blocker is a placeholder', () => {
    expect(brief(runRule(rule, { records: deferred(BLOCKER) }))).toEqual([
      `error selection-deferral ${PATH}:8 [candidates.0.revisit_trigger]`,
    ]);
    const findings = runRule(rule, { records: deferred(`    blocker: To be determined!\n${TRIGGER}`) });
    expect(brief(findings)).toEqual([`error selection-deferral ${PATH}:26 [candidates.0.blocker]`]);
    expect(findings[0]!.found).toBe(`blocker of 'x' is a placeholder: "To be determined!"`);
  });

  it('does not flag a deferral with a concrete blocker and trigger, nor candidates that are not deferred', () => {
    expect(runRule(rule, { records: deferred(BLOCKER + TRIGGER) })).toEqual([]);
    expect(runRule(rule, { records: recordsOf({ [PATH]: selectionRecordText('defer', candidateYaml('y')) }) })).toEqual([]);
  });
});
