import { describe, expect, it } from 'vitest';
import { catalogProfiles } from '../../providers/catalog.ts';
import { brief, liveSmokeContent, runRule } from '../testing.ts';
import rule from './live-smoke-coverage.ts';

describe('live-smoke-coverage', () => {
  it('reports a remote capability without an entry, and an entry for a capability nobody advertises', () => {
    const content = liveSmokeContent();
    content.delete('content/live-smoke/runway-transfer.json');
    content.set(
      'content/live-smoke/mock-embed.json',
      content
        .get('content/live-smoke/runway-generate.json')!
        .replace('"provider": "runway"', '"provider": "cosmos"')
        .replace('"capability": "generate"', '"capability": "embed"'),
    );
    const findings = runRule(rule, { content, profiles: catalogProfiles() });
    expect(brief(findings)).toEqual([
      'error live-smoke-coverage content/live-smoke/mock-embed.json:- [cosmos#embed]',
      'error live-smoke-coverage content/live-smoke/runway-transfer.json:- [runway#transfer]',
    ]);
    expect(findings[1]!.found).toBe('no entry');
  });

  it('does not flag the committed registry, nor checkout-safe providers', () => {
    expect(runRule(rule, { content: liveSmokeContent(), profiles: catalogProfiles() })).toEqual([]);
  });
});
