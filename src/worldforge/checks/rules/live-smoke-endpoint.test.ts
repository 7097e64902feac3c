import { describe, expect, it } from 'vitest';
import { entryFor, passedManifest, smokeContent } from '../testing-live-smoke.ts';
import { brief, runRule } from '../testing.ts';
import rule from './live-smoke-endpoint.ts';

describe('live-smoke-endpoint', () => {
  it('accepts entries naming the class their manifest recorded, rehearsals included', () => {
    expect(runRule(rule, { content: smokeContent(passedManifest()) })).toEqual([]);
    expect(runRule(rule, { content: smokeContent(passedManifest({ endpoint: 'loopback' })) })).toEqual([]);
  });

  it('flags an entry that calls a loopback or private run public', () => {
    for (const endpoint of ['loopback', 'private'] as const) {
      const manifest = passedManifest({ endpoint });
      const findings = runRule(rule, { content: smokeContent(manifest, entryFor(manifest, { endpoint: 'public' })) });
      expect(brief(findings)).toEqual(['error live-smoke-endpoint content/live-smoke/runway-generate.json:- [runway#generate]']);
      expect(findings[0]!.expected).toBe(`endpoint ${endpoint}, as content/live-smoke/runs/20261120T101500Z-0123abcd.json recorded`);
      expect(findings[0]!.found).toContain('live evidence');
    }
  });
});
