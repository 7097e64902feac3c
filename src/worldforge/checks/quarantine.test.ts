import { describe, expect, it } from 'vitest';
import type { CheckRule } from './define-rule.ts';
import { defineRule } from './define-rule.ts';
import type { FindingDraft } from './finding.ts';
import { ANY, claimKey } from './quarantine.ts';
import { runRules } from './runner.ts';
import { brief } from './testing.ts';

const docs = { title: 'A test rule', why: 'Tests the quarantine.', fix: 'Nothing to fix.' };
/** A rule (borrowing a registered id) that reports the given drafts. */
const reporting = (id: string, drafts: FindingDraft[]) => defineRule({ ...docs, id, scope: ['readme'], check: () => drafts }) as CheckRule;
const draft = (file: string, id: string, extra: Partial<FindingDraft> = {}): FindingDraft => ({
  file,
  id,
  expected: 'e',
  found: 'f',
  ...extra,
});

describe('the quarantine', () => {
  it('drops findings on a file a schema rule reports, and findings that depend on it, but keeps the schema finding', () => {
    const findings = runRules({ readme: '' }, [
      reporting('evidence-schema', [draft('evidence/a.json', 'a')]),
      reporting('evidence-drift', [draft('evidence/a.json', 'a'), draft('evidence/b.json', 'b')]),
      reporting('evidence-index', [draft('evidence/index.json', 'a.json', { depends: ['evidence/a.json'] })]),
    ]);
    expect(brief(findings)).toEqual(['error evidence-schema evidence/a.json:- [a]', 'error evidence-drift evidence/b.json:- [b]']);
  });

  it('matches wildcard keys, lets covering findings drop only non-covering ones, and ignores warnings as explanations', () => {
    const findings = runRules({ readme: '' }, [
      reporting('claim-schema', [draft('content/claims/x.yaml', 'claims.0', { quarantine: [claimKey(ANY)] })]),
      reporting('claim-reference-unknown', [draft('README.md', 'mock-embed', { depends: [claimKey('mock-embed')] })]),
      reporting('claim-ref-unknown', [draft('content/claims/y.yaml', 'c', { covers: ['claim-refs:c'] })]),
      reporting('claim-class-backing', [draft('content/claims/y.yaml', 'c', { depends: ['claim-refs:c'] })]),
      reporting('live-smoke-schema', [draft('content/live-smoke/w.json', 'w', { level: 'warning' })]),
      reporting('live-smoke-coverage', [draft('content/live-smoke/w.json', 'w')]),
    ]);
    expect(brief(findings)).toEqual([
      'error claim-schema content/claims/x.yaml:- [claims.0]',
      'error claim-ref-unknown content/claims/y.yaml:- [c]',
      'error live-smoke-coverage content/live-smoke/w.json:- [w]',
      'warning live-smoke-schema content/live-smoke/w.json:- [w]',
    ]);
  });
});
