import { describe, expect, it } from 'vitest';
import { entryFor, passedManifest, smokeContent } from '../testing-live-smoke.ts';
import { brief, runRule } from '../testing.ts';
import rule from './live-smoke-date.ts';

const today = new Date('2026-11-26T12:00:00Z');

describe('live-smoke-date', () => {
  it('accepts an entry carrying the date of its run, on or before today', () => {
    expect(runRule(rule, { content: smokeContent(passedManifest()), today })).toEqual([]);
    const sameDay = passedManifest({ run_id: '20261126T000000Z-0123abcd', created_at: '2026-11-26T00:00:00Z' });
    expect(runRule(rule, { content: smokeContent(sameDay), today })).toEqual([]);
  });

  it('flags an entry dated in the future, even when its manifest agrees, and the manifest itself', () => {
    const future = passedManifest({ run_id: '20300101T000000Z-0123abcd', created_at: '2030-01-01T00:00:00Z' });
    const findings = runRule(rule, { content: smokeContent(future), today });
    expect(brief(findings)).toEqual([
      'error live-smoke-date content/live-smoke/runs/20300101T000000Z-0123abcd.json:- [20300101T000000Z-0123abcd]',
      'error live-smoke-date content/live-smoke/runway-generate.json:- [runway#generate]',
    ]);
    expect(findings[1]!.found).toBe('dated 2030-01-01, in the future');
  });

  it('flags a skip dated in the future (a skip cites no manifest)', () => {
    const skip = passedManifest({ status: 'skipped', skip_reason: 'missing_credentials', result_digest: null, artifacts: [] });
    const entry = entryFor(skip, { date: '2027-01-01', artifact_path: null, artifact_sha256: null, skip_reason: 'no key on this host' });
    const content = new Map([['content/live-smoke/runway-generate.json', JSON.stringify(entry)]]);
    expect(brief(runRule(rule, { content, today }))).toEqual([
      'error live-smoke-date content/live-smoke/runway-generate.json:- [runway#generate]',
    ]);
  });

  it('flags an entry dated after (or before) the run manifest it cites', () => {
    const manifest = passedManifest();
    for (const date of ['2026-11-25', '2026-11-01']) {
      const findings = runRule(rule, { content: smokeContent(manifest, entryFor(manifest, { date })), today });
      expect(brief(findings)).toEqual(['error live-smoke-date content/live-smoke/runway-generate.json:- [runway#generate]']);
      expect(findings[0]!.expected).toContain('2026-11-20');
    }
  });
});
