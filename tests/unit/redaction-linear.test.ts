/**
 * The scanner stays linear on adversarial input because of how its patterns are written, so the
 * structure is what this test pins (a timing test would be flaky; `npm run bench:redaction`
 * shows the times): no repeated group holds a quantifier (the `(a+)+` shape of catastrophic
 * backtracking), and no pattern opens with an unbounded quantifier, so a match can
 * start only at a literal, a bounded class or a look-behind boundary — never at every offset of a
 * long run, which is what made the old `[A-Za-z_-]*secret` assignment pattern quadratic.
 */
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/worldforge/redaction.ts';
import { BASE64_RUN, ENCODING_MARKER, HEX_RUN } from '../../src/worldforge/redaction/decode.ts';
import { URL_PATTERNS } from '../../src/worldforge/redaction/urls.ts';

interface Shape {
  nestedQuantifier: boolean;
  unboundedStart: boolean;
}

/** Reads a regex source far enough to see groups, classes, escapes and quantifiers. */
function shapeOf(source: string): Shape {
  // Each open group: does its body hold a quantifier (other than `?`)?
  const groups: boolean[] = [];
  let nestedQuantifier = false;
  let unboundedStart = false;
  let atomStart = true; // the next atom is the first of the pattern (look-arounds do not count)
  let lastAtom: 'group' | 'other' | null = null;
  let lastGroupUnbounded = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      lastAtom = 'other';
      continue;
    }
    if (c === '[') {
      for (i += 1; i < source.length && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
      lastAtom = 'other';
      continue;
    }
    if (c === '(') {
      const lookaround = /^\(\?<?[=!]/.test(source.slice(i));
      groups.push(false);
      if (lookaround) {
        // Skip the look-around's body for the "first atom" rule by treating it as a zero-width atom.
        let depth = 1;
        let j = i + 1;
        for (; j < source.length && depth > 0; j += 1) {
          if (source[j] === '\\') j += 1;
          else if (source[j] === '[') {
            for (j += 1; j < source.length && source[j] !== ']'; j += 1) if (source[j] === '\\') j += 1;
          } else if (source[j] === '(') depth += 1;
          else if (source[j] === ')') depth -= 1;
        }
        groups.pop();
        i = j - 1;
        // A leading look-behind bounds where a match may start: what follows may be unbounded.
        atomStart = false;
        lastAtom = null;
        continue;
      }
      lastAtom = null;
      continue;
    }
    if (c === ')') {
      lastGroupUnbounded = groups.pop() ?? false;
      if (groups.length) groups[groups.length - 1] ||= lastGroupUnbounded;
      lastAtom = 'group';
      continue;
    }
    const quantifier = /^(?:[*+]|\{\d+,\d*\}|\?)/.exec(source.slice(i))?.[0];
    if (quantifier && lastAtom) {
      const unbounded = quantifier === '*' || quantifier === '+' || /^\{\d+,\}$/.test(quantifier);
      if (lastAtom === 'group' && lastGroupUnbounded && quantifier !== '?') nestedQuantifier = true;
      // A group repeating a quantified atom is refused even when the inner quantifier is bounded.
      if (quantifier !== '?' && groups.length) groups[groups.length - 1] = true;
      if (unbounded && atomStart) unboundedStart = true;
      atomStart = false;
      i += quantifier.length - 1;
      if (source[i + 1] === '?') i += 1; // lazy
      continue;
    }
    if (c === '|') {
      if (groups.length === 0) atomStart = true;
      lastAtom = null;
      continue;
    }
    if (lastAtom !== null) atomStart = false;
    lastAtom = 'other';
  }
  if (lastAtom !== null && atomStart) atomStart = false;
  return { nestedQuantifier, unboundedStart };
}

describe('scanner patterns are linear by construction', () => {
  const patterns: [string, RegExp][] = [
    ...DETECTORS.map((d, i): [string, RegExp] => [`${d.kind} #${i}`, d.pattern]),
    ['encoding marker', ENCODING_MARKER],
    ['base64 run', BASE64_RUN],
    ['hex run', HEX_RUN],
    ...URL_PATTERNS.map((p, i): [string, RegExp] => [`url pattern #${i}`, p]),
  ];

  it('the structural test sees the shapes it forbids', () => {
    expect(shapeOf('(a+)+b').nestedQuantifier).toBe(true);
    expect(shapeOf('(?:[a-z]{1,40}-)+x').nestedQuantifier).toBe(true);
    expect(shapeOf('(?:ab)+').nestedQuantifier).toBe(false);
    expect(shapeOf('[A-Za-z_-]*secret').unboundedStart).toBe(true);
    expect(shapeOf('(?<![a-z])[a-z]+x').unboundedStart).toBe(false);
    expect(shapeOf('key_[a-z]{32,}').unboundedStart).toBe(false);
    // The pattern that made the old module quadratic is caught.
    expect(shapeOf(String.raw`\b([A-Za-z_-]*(?:api[_-]?key|secret)[A-Za-z_-]*)`).unboundedStart).toBe(true);
  });

  for (const [name, pattern] of patterns) {
    it(`${name}: no nested quantifier, no unbounded quantifier at the start`, () => {
      expect(shapeOf(pattern.source)).toEqual({ nestedQuantifier: false, unboundedStart: false });
    });
  }
});
