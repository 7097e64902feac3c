import { describe, expect, it } from 'vitest';
import { entryFor, passedManifest } from '../testing-live-smoke.ts';
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
    expect(findings[0]!.found).toMatch(/^not valid JSON: .*\(line \d+, column \d+\)$/);
    expect(findings[1]).toMatchObject({ expected: 'the entry to live in content/live-smoke/runway-generate.json' });
    expect(findings[2]).toMatchObject({
      expected: '(provider, capability) to be unique',
      found: 'also in content/live-smoke/runway-generate.json',
    });
  });

  it('reports duplicate keys, an oversized reason, a passed run without its endpoint class and a skip with one', () => {
    const content = liveSmokeContent();
    const text = content.get(ENTRY)!;
    content.set(ENTRY, text.replace('"status": ', '"status": "passed", "status": '));
    const cosmos = 'content/live-smoke/cosmos-generate.json';
    content.set(cosmos, JSON.stringify({ ...JSON.parse(content.get(cosmos)!), skip_reason: 'x'.repeat(5000) }));
    const findings = runRule(rule, { content });
    expect(findings.map((f) => `${f.id}: ${f.found}`)).toEqual([
      `${cosmos} → skip_reason: Too big: expected string to have <=2000 characters`,
      expect.stringMatching(/^content\/live-smoke\/runway-generate\.json: status: duplicate key 'status'.*\(line \d+, column \d+\)$/),
    ]);
    const manifest = passedManifest();
    const unclassed = liveSmokeContent();
    unclassed.set(ENTRY, JSON.stringify(entryFor(manifest, { endpoint: null })));
    const skipWithClass = JSON.parse(unclassed.get(cosmos)!);
    unclassed.set(cosmos, JSON.stringify({ ...skipWithClass, endpoint: 'public' }));
    expect(runRule(rule, { content: unclassed }).map((f) => `${f.id}: ${f.found}`)).toEqual([
      `${cosmos} → endpoint: status skipped_missing_runtime calls nothing: endpoint must be null`,
      `${ENTRY} → endpoint: status passed needs the endpoint class of its run`,
    ]);
  });

  it('does not flag the committed entries, nor run manifests under runs/', () => {
    const content = liveSmokeContent();
    expect(runRule(rule, { content })).toEqual([]);
    content.set('content/live-smoke/runs/x.json', '{ nope');
    expect(runRule(rule, { content })).toEqual([]);
  });
});
