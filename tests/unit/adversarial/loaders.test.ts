/** The strict loaders and the confinement helpers on their own: each refusal is a problem with a position, never a throw. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../../src/worldforge/claims/refs.ts';
import { refEscape } from '../../../src/worldforge/claims/schema.ts';
import { repoRefSources } from '../../../src/worldforge/claims/sources.ts';
import { confinedPath, isInside } from '../../../src/worldforge/evidence/confine.ts';
import { REPO_ROOT } from '../../../src/worldforge/evidence/suite/repo.ts';
import { parseYamlSafe } from '../../../src/worldforge/safe-yaml.ts';
import { parseJsonStrict } from '../../../src/worldforge/strict-json.ts';

describe('parseJsonStrict', () => {
  it('refuses duplicate keys at any depth, naming the key path, line and column', () => {
    const result = parseJsonStrict('{\n  "a": {\n    "b": 1,\n    "b": 2\n  }\n}\n', 'x.json');
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ file: 'x.json', line: 4, column: 5, field: 'a.b' }) });
    expect(parseJsonStrict('[{"a": 1}, {"a": 2}]', 'x.json')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
  });

  it('refuses a BOM, comments, trailing commas and runaway nesting, and reads 1 MB of brackets in linear time', () => {
    for (const text of ['\uFEFF{}', '// c\n{}', '{"a": 1,}', `${'['.repeat(65)}${']'.repeat(65)}`]) {
      expect(parseJsonStrict(text, 'x.json').ok).toBe(false);
    }
    const started = performance.now();
    expect(parseJsonStrict('['.repeat(1_000_000), 'x.json').ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseYamlSafe', () => {
  it('names a syntax error by line and column, offset below a frontmatter fence', () => {
    const { problems } = parseYamlSafe('a: 1\nb: "open\n', 'f.md', 1);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/^YAML syntax: .*\(line \d+, column \d+\)$/);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it('refuses duplicate keys and aliases that expand too far, never throwing', () => {
    expect(parseYamlSafe('a: 1\na: 2\n', 'f.yaml').problems[0]!.reason).toMatch(/unique/);
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(parseYamlSafe(bomb, 'f.yaml').problems[0]!.reason).toMatch(/aliases expand too far/);
    expect(parseYamlSafe('a: &x 1\nb: *x\n', 'f.yaml').value).toEqual({ a: 1, b: 1 });
  });
});

describe('parseYamlSafe nesting bound', () => {
  const block = (levels: number) => `claims:\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 2)}- `).join('\n')}x\n`;
  const mapping = (levels: number) => `${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`;

  it('bounds block nesting by the same 64 levels as flow nesting, whatever stack the parser had', () => {
    // 63 sequences under the `claims` mapping are 64 levels: accepted; one more is refused.
    expect(parseYamlSafe(block(63), 'b.yaml').problems).toEqual([]);
    expect(parseYamlSafe(mapping(64), 'm.yaml').problems).toEqual([]);
    for (const text of [block(64), block(200), mapping(65), mapping(200)]) {
      const { problems, value } = parseYamlSafe(text, 'x.yaml');
      expect(value).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({ file: 'x.yaml', line: 65, reason: expect.stringMatching(/^nested too deeply: more than 64 levels/) }),
      ]);
    }
  });
});

describe('refs stay inside the repository', () => {
  it('refuses fragments with . or .. segments, leading or doubled slashes, backslashes and NUL', () => {
    for (const ref of [
      'live-smoke/x#/../../etc/passwd',
      'live-smoke/x#a/../../b',
      'live-smoke/x#..',
      'live-smoke/x#a//b',
      'live-smoke/x#a:..',
      'live-smoke/x#a\\b',
    ]) {
      expect(refEscape(ref), ref).not.toBeNull();
    }
    for (const ref of [
      'conformance/mock#generate/call',
      'fixtures/generate#generate.invalid-signed-image-url',
      'live-smoke/runway#generate',
    ]) {
      expect(refEscape(ref), ref).toBeNull();
    }
  });

  it('resolves a traversal ref to nothing, whatever kind it names', () => {
    const sources = repoRefSources(REPO_ROOT);
    for (const ref of ['live-smoke/x#/../../../../etc/passwd', 'design-records/genie#../../x', 'conformance/mock#../mock']) {
      const resolution = resolveRef(ref, sources);
      expect(resolution.found, ref).toBe(false);
      expect(resolution.detail).toMatch(/is not a confined ref/);
    }
  });

  it('confines paths by segment, not by string prefix, and never through a symlink', () => {
    const root = mkdtempSync(join(tmpdir(), 'wf-confine-'));
    try {
      mkdirSync(join(root, 'content'));
      symlinkSync(tmpdir(), join(root, 'content', 'out'));
      expect(isInside(root, `${root}-evil/x`)).toBe(false);
      expect(confinedPath(root, 'content/live-smoke/new.json')).toEqual({ ok: true, path: join(root, 'content/live-smoke/new.json') });
      expect(confinedPath(root, '../x')).toEqual({ ok: false, reason: 'leaves the repository' });
      expect(confinedPath(root, '/etc/passwd')).toMatchObject({ ok: false });
      expect(confinedPath(root, 'content/out/secret')).toEqual({ ok: false, reason: 'passes through the symlink content/out' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
