import { afterEach, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { FixtureCorpusError, loadCorpus, parseFixture } from '../../src/worldforge/fixtures/load.ts';
import { constraintViolation } from '../../src/worldforge/fixtures/constraints.ts';
import { decodeRequest } from '../../src/worldforge/fixtures/schema.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

const valid = {
  id: 'embed.valid-x',
  capability: 'embed',
  description: 'A short text embeds.',
  origin: 'synthetic',
  request: { text: 'x' },
  expect: { ok: true },
};
const problemsOf = (path: string, doc: unknown) => parseFixture(path, typeof doc === 'string' ? doc : JSON.stringify(doc)).problems;

describe('capability fixture corpus', () => {
  it('covers all 7 capabilities with at least 1 valid and 2 invalid schema-valid fixtures each', () => {
    const corpus = loadCorpus(REPO);
    for (const capability of CAPABILITIES) {
      const mine = corpus.filter((f) => f.capability === capability);
      expect(mine.filter((f) => f.expect.ok).length, capability).toBeGreaterThanOrEqual(1);
      expect(mine.filter((f) => !f.expect.ok).length, capability).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(corpus.map((f) => f.id)).size).toBe(corpus.length);
  });

  it('reports a missing field with file, field and reason', () => {
    const { description: _, ...missing } = valid;
    expect(problemsOf('fixtures/capabilities/embed/valid-x.json', missing)).toEqual([
      { file: 'fixtures/capabilities/embed/valid-x.json', field: 'description', reason: 'expected string, found nothing (field missing)' },
    ]);
  });

  it('reports a bare NaN as invalid JSON and points to the $number encoding', () => {
    const [problem] = problemsOf('fixtures/capabilities/embed/valid-x.json', '{"id": NaN}');
    expect(problem?.field).toBe('(root)');
    expect(problem?.reason).toMatch(/not valid JSON.*\{"\$number": "NaN"\}/);
  });

  it('reports a fixture in the wrong capability folder, a mismatched id and a wrong expectation', () => {
    expect(problemsOf('fixtures/capabilities/reason/valid-x.json', valid).map((p) => p.field)).toEqual(['capability']);
    expect(problemsOf('fixtures/capabilities/embed/valid-x.json', { ...valid, id: 'embed.valid-y' }).map((p) => p.field)).toEqual(['id']);
    expect(problemsOf('fixtures/capabilities/embed/invalid-x.json', { ...valid, id: 'embed.invalid-x' })).toEqual([
      { file: 'fixtures/capabilities/embed/invalid-x.json', field: 'expect.ok', reason: 'a invalid- file must expect ok: false' },
    ]);
  });

  it('decodes $base64 and $number markers', () => {
    const decoded = decodeRequest({ a: { $base64: 'AQI=' }, b: [{ $number: 'NaN' }, { $number: '-Infinity' }] }) as {
      a: Uint8Array;
      b: number[];
    };
    expect([...decoded.a]).toEqual([1, 2]);
    expect(decoded.b[0]).toBeNaN();
    expect(decoded.b[1]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('evaluates result constraints and says what it found', () => {
    const result = { resolution: { width: 640 }, frames: [1, 2], answer: 'two objects' };
    expect(constraintViolation(result, { path: 'resolution.width', op: 'equals', value: 640 })).toBeNull();
    expect(constraintViolation(result, { path: 'frames', op: 'length', value: 3 })).toBe('frames: expected length 3, found 2');
    expect(constraintViolation(result, { path: 'answer', op: 'contains', value: 'three' })).toBe(
      'answer: expected to contain "three", found "two objects"',
    );
    expect(constraintViolation(result, { path: 'missing', op: 'min', value: 1 })).toBe('missing: expected ≥ 1, found nothing');
  });
});

describe('fixture drift through the CLI', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.remove());

  it('fails naming the fixture and the evidence file when a fixture is edited without regenerating', () => {
    repo = copyRepo();
    const path = 'fixtures/capabilities/embed/valid-short-text.json';
    repo.write(path, repo.read(path).replace('cube next to ball', 'cube next to lamp'));
    const result = repo.cli('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`evidence-stale +evidence/fixtures/embed\\.json +\\[${path.replaceAll('.', '\\.')}\\]`));
  });

  it('fails naming the fixture id when mock breaks the result schema for a valid fixture', () => {
    repo = copyRepo();
    const mock = 'src/worldforge/providers/mock.ts';
    repo.write(mock, repo.read(mock).replace('round6(b / 127.5 - 1)', 'Number.NaN'));
    const result = repo.cli('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /fixture-failed +fixtures\/capabilities\/embed\/valid-short-text\.json +\[embed\.valid-short-text @ provider:mock\]/,
    );
    expect(result.stdout).toContain('invalid_provider_output');
  });

  it('rejects a malformed fixture with file, field and reason, and writes nothing', () => {
    repo = copyRepo();
    repo.write(
      'fixtures/capabilities/embed/invalid-broken.json',
      JSON.stringify({ ...valid, id: 'embed.invalid-broken', capability: 'predict' }),
    );
    const before = repo.read('evidence/index.json');
    const generate = repo.cli('evidence');
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain(
      "fixtures/capabilities/embed/invalid-broken.json: capability: 'predict' does not match its folder 'embed'",
    );
    expect(repo.read('evidence/index.json')).toBe(before);
    const check = repo.cli('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/fixture-schema +fixtures\/capabilities\/embed\/invalid-broken\.json +\[capability\]/);
  });

  it('throws a typed corpus error listing every problem', () => {
    expect(() => {
      throw new FixtureCorpusError([{ file: 'a.json', field: 'id', reason: 'bad' }]);
    }).toThrow('a.json: id: bad');
  });
});
