/**
 * The check's own output never echoes a secret: a drift diff of evidence that gained every shape
 * of the adversarial corpus, and findings whose every text field carries one, come out redacted.
 */
import { describe, expect, it } from 'vitest';
import { finding } from '../../src/worldforge/checks/finding.ts';
import evidenceDrift from '../../src/worldforge/checks/rules/evidence-drift.ts';
import { evidenceSlice, runRule } from '../../src/worldforge/checks/testing.ts';
import { findSecrets, redactText, redactUpstreamText } from '../../src/worldforge/redaction.ts';
import { SECRET_SHAPES } from '../adversarial/secret-shapes.ts';

describe('shapes in any surrounding punctuation', () => {
  // Diff markers, Markdown links, quotes, HTML, escapes: whatever is glued to a secret, short of
  // letters or digits (which make a different token), the scanner finds it and redaction removes it.
  const before = [
    '',
    '+',
    '-',
    '(',
    '[link](',
    '"',
    "'",
    '`',
    '=',
    ':',
    '/',
    '>',
    '*',
    '_',
    '|',
    '\t',
    '.',
    '\\n',
    '%20',
    '&nbsp;',
    '<p>',
    '#',
  ];
  const after = ['', ')', '.', ',', '"', '`', '\\n', ';', '|', '</p>', '_', '-'];
  it(`finds and removes every shape in ${before.length * after.length} contexts`, () => {
    const missed: string[] = [];
    for (const shape of SECRET_SHAPES) {
      for (const a of before) {
        for (const b of after) {
          const text = `${a}${shape.text}${b}`;
          if (findSecrets(text).length === 0 || redactText(text).includes(shape.secret)) missed.push(`${shape.id} in ${a}…${b}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('the check prints no secret', () => {
  it('redacts every shape out of an evidence drift diff, and still reports the drift', () => {
    const committed = new Map([['galleries/x.md', '# Gallery\n\nclean line\n']]);
    const fresh = new Map([['galleries/x.md', `# Gallery\n\nclean line\n${SECRET_SHAPES.map((s) => s.text).join('\n')}\n`]]);
    const findings = runRule(evidenceDrift, { evidence: evidenceSlice({ committed, fresh }) });
    expect(findings).toHaveLength(1);
    const printed = JSON.stringify(findings);
    for (const shape of SECRET_SHAPES) expect(printed.includes(shape.secret), shape.id).toBe(false);
  });

  it('redacts every shape out of every text field of a finding', () => {
    for (const shape of SECRET_SHAPES) {
      const f = finding('secret-scan', { file: 'a.md', id: shape.text, expected: shape.text, found: shape.text, details: shape.text });
      expect(JSON.stringify(f).includes(shape.secret), shape.id).toBe(false);
    }
  });

  it('redactUpstreamText removes every shape from untrusted upstream text', () => {
    for (const shape of SECRET_SHAPES) {
      const out = redactUpstreamText(`upstream error: ${shape.text} (task 42)`);
      expect(out.includes(shape.secret), shape.id).toBe(false);
    }
  });
});
