import { describe, expect, it } from 'vitest';
import { genieProfile } from '../../providers/genie.ts';
import type { ProviderProfile } from '../../providers/profile.ts';
import { runtimeStubPath } from '../../scaffold/layout.ts';
import { runtimeStub } from '../../scaffold/templates.ts';
import { brief, runRule } from '../testing.ts';
import rule from './runtime-manifest-stub.ts';

const stubText = runtimeStub({ name: 'demo', capabilities: ['score'], runtime: 'remote-api', envVars: ['DEMO_API_KEY'] });
const path = runtimeStubPath('demo');
const slices = (content: Record<string, string>, profiles: ProviderProfile[] = [], evidence: Record<string, string> = {}) => ({
  content: new Map(Object.entries(content)),
  profiles,
  evidence: { committed: new Map(Object.entries(evidence)), fresh: null, inputProblems: [] },
});

describe('runtime-manifest-stub', () => {
  it('accepts a scaffold stub marked incomplete that nothing cites', () => {
    expect(runRule(rule, slices({ [path]: stubText }, [{ ...genieProfile, name: 'demo' }]))).toEqual([]);
  });

  it('flags a stub whose incomplete marker was removed', () => {
    const edited = JSON.stringify({ ...JSON.parse(stubText), incomplete: false });
    expect(brief(runRule(rule, slices({ [path]: edited })))).toEqual([`error runtime-manifest-stub ${path}:- [demo]`]);
  });

  it('flags a catalog provider promoted past scaffold while its stub remains', () => {
    const promoted: ProviderProfile = { ...genieProfile, name: 'demo', maturity: 'experimental', capabilities: ['score'] };
    const findings = runRule(rule, slices({ [path]: stubText }, [promoted]));
    expect(brief(findings)).toEqual([`error runtime-manifest-stub ${path}:- [demo]`]);
    expect(findings[0]!.found).toContain('experimental');
  });

  it('flags a live-smoke entry or evidence file citing the stub', () => {
    const entry = JSON.stringify({ provider: 'demo', runtime_manifest: 'demo:stub' });
    const findings = runRule(
      rule,
      slices({ [path]: stubText, 'content/live-smoke/demo-score.json': entry }, [], { 'conformance/demo.json': `see ${path}` }),
    );
    expect(brief(findings)).toEqual([
      'error runtime-manifest-stub content/live-smoke/demo-score.json:- [demo]',
      'error runtime-manifest-stub evidence/conformance/demo.json:- [demo]',
    ]);
  });
});
