// Every JSON input goes through the strict reader (src/worldforge/strict-json.ts): `JSON.parse`
// keeps the last of two equal keys, so a file could show a reviewer one value and give the
// program another. This ratchet lists the only files that may call `JSON.parse` directly, each
// with why; a new call elsewhere fails here (use parseJsonStrict / strictJsonValue instead).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict, StrictJsonError, strictJsonValue } from '../../src/worldforge/strict-json.ts';
import { REPO } from '../helpers/repo-copy.ts';

const ALLOWED: Record<string, string> = {
  'src/worldforge/strict-json.ts': 'the strict reader itself (its fast path)',
  'src/worldforge/check-cache.ts': 'a cache this tool wrote, read only after its HMAC seal verified (sealed-file.ts)',
  'src/worldforge/text-memo.ts': 'a cache this tool wrote, read only after its HMAC seal verified (sealed-file.ts)',
  'src/worldforge/providers/http.ts': 'an upstream HTTP response body, validated by the adapter schema; not an authored file',
  'src/worldforge/bridge/client.ts': 'the bridge wire protocol, one message per line, validated by the protocol schemas',
  'src/worldforge/bridge/fake-runtime.mjs': 'the fake runtime reading the bridge wire protocol (plain JavaScript, no imports of ours)',
  'src/worldforge/benchmarks/environment.ts': "an installed package's package.json (its version)",
  'src/worldforge/evidence/suite/repo.ts': "this repository's package.json (its version)",
  'src/worldforge/checks/testing.ts': 'rule tests over committed evidence that the check reads strictly',
  'generators/run.ts': "the suites' own canonical output, when the store has no parse of it",
  'bin/cli-bundle.mjs': "the bundle's own sidecar (plain JavaScript that runs before any loader)",
  'scripts/bench/corpus.mjs': "the bench reading the checkout's own files to grow them",
};

function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => relative(REPO, join(e.parentPath, e.name)).split('\\').join('/'));
}

describe('JSON readers', () => {
  it('call JSON.parse only where the allow list says why (everything else uses the strict reader)', () => {
    const callers = ['src', 'scripts', 'generators', 'bin']
      .flatMap(sources)
      .filter((file) => readFileSync(join(REPO, file), 'utf8').includes('JSON.parse('))
      .sort();
    expect(callers).toEqual(Object.keys(ALLOWED).sort());
  });

  it('strictJsonValue throws the strict problem, naming line and column and never quoting the text', () => {
    const secret = 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789';
    const cases = [`{"token": "${secret}", "token": "ok"}`, `{"token": "${secret}" oops}`, `\uFEFF{"a": 1}`, '{"a": [1,]}'];
    for (const text of cases) {
      let thrown: unknown;
      try {
        strictJsonValue(text, 'x.json');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(StrictJsonError);
      expect((thrown as Error).message).toMatch(/\(line \d+, column \d+\)$/);
      expect((thrown as Error).message).not.toContain(secret);
      expect(parseJsonStrict(text, 'x.json').ok).toBe(false);
    }
    expect(strictJsonValue('{"a": [1, {"b": null}]}')).toEqual({ a: [1, { b: null }] });
  });
});
