import { describe, expect, it } from 'vitest';
import { catalogProfiles } from '../../providers/catalog.ts';
import { brief, committed, evidenceSlice, runRule } from '../testing.ts';
import rule from './profile-conformance.ts';

describe('profile-conformance', () => {
  it('reports a capability the profile stopped advertising while the committed evidence still backs it', () => {
    const profiles = catalogProfiles().map((p) =>
      p.name === 'mock' ? { ...p, capabilities: p.capabilities.filter((c) => c !== 'embed') } : p,
    );
    const findings = runRule(rule, { evidence: evidenceSlice({ files: committed() }), profiles });
    expect(brief(findings)).toEqual(['error profile-conformance evidence/conformance/mock.json:- [mock#embed]']);
    expect(findings[0]).toMatchObject({
      expected: 'profile does not advertise embed, so a passing embed/fails-closed case',
      found: 'committed evidence records embed as advertised (case embed/call)',
    });
  });

  it('does not flag profiles that match their committed evidence', () => {
    expect(runRule(rule, { evidence: evidenceSlice({ files: committed() }), profiles: catalogProfiles() })).toEqual([]);
  });
});
