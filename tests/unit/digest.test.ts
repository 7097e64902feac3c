import { describe, expect, it } from 'vitest';
import { canonicalJson, digestOf, summarizeForEvidence } from '../../src/worldforge/digest.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      {\n        "y": 0,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('refuses values JSON cannot represent, naming the path', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('(root).a.1: non-finite number NaN');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('(root).when: Date instance');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
  });
});

describe('evidence summaries', () => {
  it('replaces bytes by length and digest so raw media never reaches evidence', () => {
    const summary = summarizeForEvidence({ frames: [new Uint8Array([1, 2, 3])] }) as { frames: unknown[] };
    expect(summary.frames[0]).toEqual({
      byte_length: 3,
      sha256: 'sha256:039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81',
    });
  });

  it('changes the digest when one byte changes', () => {
    expect(digestOf({ f: new Uint8Array([1, 2, 3]) })).not.toBe(digestOf({ f: new Uint8Array([1, 2, 4]) }));
  });
});
