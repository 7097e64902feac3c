import { describe, expect, it } from 'vitest';
import { brief, liveSmokeContent, runRule } from '../testing.ts';
import rule from './live-smoke-schema.ts';

const ENTRY = 'content/live-smoke/runway-generate.json';

describe('live-smoke-schema', () => {
  it('reports an entry that is not JSON, a field that breaks the schema, a misplaced and a duplicate entry', () => {
    const content = liveSmokeContent();
    const entry = JSON.parse(content.get(ENTRY)!);
    content.set('content/live-smoke/broken.json', '{ nope');
    content.set(
      'content/live-smoke/cosmos-generate.json',
      JSON.stringify({ ...JSON.parse(content.get('content/live-smoke/cosmos-generate.json')!), status: 'weird' }),
    );
    content.set('content/live-smoke/copy.json', JSON.stringify(entry));
    const findings = runRule(rule, { content });
    expect(brief(findings)).toEqual([
      'error live-smoke-schema content/live-smoke/broken.json:- [content/live-smoke/broken.json]',
      'error live-smoke-schema content/live-smoke/copy.json:- [runway#generate]',
      'error live-smoke-schema content/live-smoke/copy.json:- [runway#generate]',
      'error live-smoke-schema content/live-smoke/cosmos-generate.json:- [content/live-smoke/cosmos-generate.json → status]',
    ]);
    expect(findings[0]!.found).toMatch(/^not JSON \(/);
    expect(findings[1]).toMatchObject({ expected: 'the entry to live in content/live-smoke/runway-generate.json' });
    expect(findings[2]).toMatchObject({
      expected: '(provider, capability) to be unique',
      found: 'also in content/live-smoke/runway-generate.json',
    });
  });

  it('does not flag the committed entries, nor run manifests under runs/', () => {
    const content = liveSmokeContent();
    expect(runRule(rule, { content })).toEqual([]);
    content.set('content/live-smoke/runs/x.json', '{ nope');
    expect(runRule(rule, { content })).toEqual([]);
  });
});
