import { describe, expect, it } from 'vitest';
import { brief, liveSmokeContent, runRule } from '../testing.ts';
import rule from './run-manifest-unsafe.ts';

const RUN = 'content/live-smoke/runs/20261126T120000Z-0123abcd.json';
const DIGEST = `sha256:${'0'.repeat(64)}`;
const repo = { digest: () => DIGEST };

describe('run-manifest-unsafe', () => {
  it('reports a run manifest that is not JSON, and a passed entry whose manifest is missing', () => {
    const content = liveSmokeContent();
    const entry = JSON.parse(content.get('content/live-smoke/runway-generate.json')!);
    content.set(
      'content/live-smoke/runway-generate.json',
      JSON.stringify({ ...entry, status: 'passed', endpoint: 'public', skip_reason: null, artifact_path: RUN, artifact_sha256: DIGEST }),
    );
    expect(brief(runRule(rule, { content, repo }))).toEqual([
      'error run-manifest-unsafe content/live-smoke/runway-generate.json:- [runway#generate]',
    ]);
    content.set(RUN, '{ nope');
    const findings = runRule(rule, { content, repo });
    expect(brief(findings)).toEqual([`error run-manifest-unsafe ${RUN}:- [${RUN}]`]);
    expect(findings[0]).toMatchObject({ expected: 'a JSON run manifest', found: 'not JSON' });
  });

  it('does not flag skipped entries, which cite no manifest (the committed registry)', () => {
    expect(runRule(rule, { content: liveSmokeContent(), repo })).toEqual([]);
  });
});
