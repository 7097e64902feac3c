import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, scanFileText } from '../../src/worldforge/redaction.ts';
import { isUrlWithExtras } from '../../src/worldforge/redaction/urls.ts';
import { cannotHoldSecret, unsafeValues } from '../../src/worldforge/redaction/values.ts';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _.-'.split('');
/** Strings the fast path skips, biased towards the prefixes detectors key on. */
const plainShort = fc.oneof(
  fc.array(fc.constantFrom(...PLAIN), { maxLength: 13 }).map((chars) => chars.join('')),
  fc
    .tuple(
      fc.constantFrom('xoxb-', 'xapp-', 'sk-', 'ghp_', 'AKIA', 'basic ', 'bearer ', 'eyJ', 'key_', 'hv.', 'SG.', 'dapi'),
      fc.array(fc.constantFrom(...PLAIN), { maxLength: 13 }),
    )
    .map(([prefix, rest]) => `${prefix}${rest.join('')}`.slice(0, 13)),
);

describe('the short-plain-string fast path of unsafeValues', () => {
  it('skips only strings no detector flags', () => {
    fc.assert(
      fc.property(plainShort, (value) => {
        expect(cannotHoldSecret(value)).toBe(true);
        expect(findSecrets(value)).toEqual([]);
        expect(scanFileText(value)).toEqual([]);
        expect(isUrlWithExtras(value)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not skip a string one character longer, or with a character outside the plain set', () => {
    expect(cannotHoldSecret('a'.repeat(14))).toBe(false);
    for (const marker of [':', '/', '=', '%', '\\', '&', '?', '#', '@', '~']) expect(cannotHoldSecret(`ab${marker}cd`)).toBe(false);
    // The shortest detector match is still found by the walk.
    expect(unsafeValues({ note: 'xoxb-1234567890' })).toEqual([{ path: 'note', reason: expect.stringContaining('api-key') }]);
    expect(unsafeValues({ note: '/home/alice' })).toHaveLength(1);
  });
});
