import { describe, expect, it } from 'vitest';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './evidence-stale.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const doc = {
  inputs: [
    { path: 'src/a.ts', sha256: DIGEST },
    { path: 'src/gone.ts', sha256: DIGEST },
  ],
};

describe('evidence-stale', () => {
  it('reports inputs whose digest changed or that no longer exist', () => {
    const digests: Record<string, string | null> = { 'src/a.ts': `sha256:${'b'.repeat(64)}`, 'src/gone.ts': null };
    const findings = runRule(rule, {
      evidence: evidenceSlice({ files: files(['conformance/mock.json', doc]) }),
      repo: { digest: (path) => digests[path] ?? null },
    });
    expect(brief(findings)).toEqual([
      'error evidence-stale evidence/conformance/mock.json:- [src/a.ts]',
      'error evidence-stale evidence/conformance/mock.json:- [src/gone.ts]',
    ]);
    expect(findings.map((f) => f.found)).toEqual(['src/a.ts changed (sha256:bbbbbbbbbbbb…)', 'src/gone.ts no longer exists']);
  });

  it('does not flag unchanged inputs, nor files outside the evidence kinds', () => {
    const evidence = evidenceSlice({ files: files(['conformance/mock.json', doc], ['schemas/x.schema.json', doc]) });
    expect(runRule(rule, { evidence, repo: { digest: () => DIGEST } })).toEqual([]);
  });
});
