/** The scene artifact validator on in-memory values (real NaN, typed arrays, Dates) and on the corpus. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/repo-copy.ts';
import { checkReference, decodeSceneValue, loadSceneCorpus, validateSceneArtifact } from '../../src/worldforge/scene/index.ts';
import { scenesEvidenceSchema } from '../../src/worldforge/kinds/scenes/schema.ts';

const tabletop = () => JSON.parse(readFileSync(join(REPO, 'fixtures/scenes/valid-tabletop.json'), 'utf8')).artifact;
const codes = (value: unknown) => {
  const result = validateSceneArtifact(value);
  return result.ok ? [] : [...new Set(result.issues.map((i) => i.code))];
};

describe('scene artifact validator', () => {
  it('accepts the tabletop artifact', () => {
    expect(validateSceneArtifact(tabletop()).ok).toBe(true);
  });

  it('refuses values JSON would lose or change, each with its own code', () => {
    class Pose {
      x = 1;
    }
    // biome-ignore lint/suspicious/noExplicitAny: each case plants a value of a type the artifact schema forbids.
    const cases: [string, (a: any) => void, string][] = [
      ['Infinity', (a) => (a.objects[0].transform.translation[2] = Number.POSITIVE_INFINITY), 'non_finite_number'],
      ['Float64Array', (a) => (a.objects[0].transform.scale = new Float64Array([1, 1, 1])), 'tuple_shaped_value'],
      ['index-keyed object', (a) => (a.objects[0].transform.rotation_quat = { 0: 0, 1: 0, 2: 0, 3: 1, length: 4 }), 'tuple_shaped_value'],
      ['Date', (a) => (a.metadata.when = new Date(0)), 'object_instance'],
      ['Map', (a) => (a.objects[1].metadata = new Map()), 'object_instance'],
      ['class instance', (a) => (a.objects[0].transform = new Pose()), 'object_instance'],
      ['bigint', (a) => (a.provenance.event_count = 1n), 'not_json'],
      ['undefined', (a) => (a.objects[0].label = undefined), 'not_json'],
    ];
    for (const [name, mutate, code] of cases) {
      const artifact = tabletop();
      mutate(artifact);
      expect(codes(artifact), name).toEqual([code]);
    }
  });

  it('refuses unknown units, malformed transforms and oversized metadata', () => {
    const a = tabletop();
    a.units = 'inch';
    expect(codes(a)).toEqual(['unknown_unit']);
    const b = tabletop();
    b.objects[0].transform.translation = [0, 0];
    expect(codes(b)).toEqual(['malformed_transform']);
    const c = tabletop();
    c.metadata = { blob: 'é'.repeat(1100) }; // 2200 bytes in UTF-8, 1100 characters
    expect(codes(c)).toEqual(['oversized_metadata']);
  });
});

describe('scene references', () => {
  it('allows relative paths and plain https to public hosts', () => {
    for (const uri of ['meshes/a.glb', 'a.glb', 'https://cdn.example.com/a.glb'])
      expect(checkReference(uri, { localOnly: false }), uri).toBeNull();
  });

  it('refuses unsafe URLs and host paths unless the entry is local-only', () => {
    const unsafe = [
      'http://cdn.example.com/a.glb',
      'https://user:pw@cdn.example.com/a.glb',
      'https://cdn.example.com/a.glb?sig=1',
      'https://cdn.example.com/a.glb#x',
      'https://localhost/a.glb',
      'https://10.1.2.3/a.glb',
      'https://[::1]/a.glb',
      'https://169.254.169.254/latest',
      'data:model/gltf;base64,AAAA',
      'a/../../b.glb',
      'a\\b.glb',
    ];
    for (const uri of unsafe) expect(checkReference(uri, { localOnly: false })?.code, uri).toBe('unsafe_uri');
    const host = ['/home/alice/a.glb', '/tmp/a.glb', '~/a.glb', 'C:\\scenes\\a.glb', 'file:///var/a.glb', '\\\\server\\share\\a.glb'];
    for (const uri of host) {
      expect(checkReference(uri, { localOnly: false })?.code, uri).toBe('host_local_path');
      expect(checkReference(uri, { localOnly: true }), uri).toBeNull();
    }
  });

  it('never echoes a host path or a signed URL in a message', () => {
    const a = tabletop();
    a.assets[0].uri = '/Users/alice/secret-project/a.glb';
    a.assets[1].uri = 'https://cdn.example.com/a.glb?X-Amz-Signature=abc';
    const result = validateSceneArtifact(a);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/alice|X-Amz-Signature|abc/);
  });
});

describe('scene fixture corpus and evidence', () => {
  it('every fixture behaves as it expects, and the committed evidence says so', () => {
    const corpus = loadSceneCorpus(REPO);
    expect(corpus.filter((f) => f.expect.ok).length).toBeGreaterThanOrEqual(3);
    expect(corpus.filter((f) => !f.expect.ok).length).toBeGreaterThanOrEqual(10);
    for (const fixture of corpus) {
      const result = validateSceneArtifact(decodeSceneValue(fixture.artifact));
      if (fixture.expect.ok) expect(result.ok, fixture.id).toBe(true);
      else expect(result.ok ? [] : result.issues.map((i) => i.code), fixture.id).toContain(fixture.expect.error);
    }
    const evidence = scenesEvidenceSchema().parse(JSON.parse(readFileSync(join(REPO, 'evidence/scenes/artifacts.json'), 'utf8')));
    expect(evidence.status).toBe('passed');
    expect(evidence.body.cases.map((c) => c.fixture_id)).toEqual(corpus.map((f) => f.id));
    expect(JSON.stringify(evidence)).not.toMatch(/\/Users\/|\/home\/|X-Amz-Signature/);
  });
});
