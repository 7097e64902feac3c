import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict } from '../../src/worldforge/strict-json.ts';

/** Keys and strings that look like JSON syntax: quotes, escapes and colons inside strings. */
const tricky = fc.oneof(fc.string(), fc.constantFrom('a":', '\\":', '":"', 'x\\', '"', ':', '\\\\":1,"b'));
const value = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, fc.integer(), tricky, fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }),
  object: fc.dictionary(tricky, tie('json'), { maxKeys: 4 }),
})).json;

describe('parseJsonStrict', () => {
  it('reads what JSON.parse reads, however the strings look, in any layout', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (v, space) => {
        const text = JSON.stringify(v, null, space);
        const parsed = parseJsonStrict(text, 'f.json');
        expect(parsed).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a repeated key at any depth, with its path, whatever the strings around it hold', () => {
    fc.assert(
      fc.property(value, tricky, (v, key) => {
        const inner = JSON.stringify(key);
        const text = `{"wrap": [${JSON.stringify(v)}, {${inner}: 1, "pad": ${JSON.stringify(String(key))}, ${inner}: 2}]}`;
        const parsed = parseJsonStrict(text, 'f.json');
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problem.reason).toMatch(/^duplicate key/);
      }),
      { numRuns: 1000 },
    );
  });

  it('still refuses what JSON.parse accepts only loosely or not at all', () => {
    for (const text of ['{"a": 1, "a": 2}', '\uFEFF{}', '{"a": 1,}', '{"a": 1 // no\n}', '[1, 2', '']) {
      expect(parseJsonStrict(text, 'f.json').ok).toBe(false);
    }
  });
});
