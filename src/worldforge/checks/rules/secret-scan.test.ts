import { describe, expect, it } from 'vitest';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './secret-scan.ts';

const KEY = `key_${'a1'.repeat(20)}`;

describe('secret-scan', () => {
  it('reports a secret at its line in evidence, content, the built site and the README, with a masked preview', () => {
    const findings = runRule(rule, {
      evidence: evidenceSlice({ files: files(['conformance/x.json', `{\n  "k": "${KEY}"\n}\n`]) }),
      content: files(['content/a.md', `line\nsee /home/alice/secret.txt\n`]),
      dist: files(['dist/index.html', `<p>${KEY}</p>`]),
      readme: `# T\n\nBearer abcdefghijklmnop\n`,
    });
    expect(brief(findings)).toEqual([
      'error secret-scan content/a.md:2 [content/a.md:2]',
      'error secret-scan dist/index.html:1 [dist/index.html:1]',
      'error secret-scan evidence/conformance/x.json:2 [evidence/conformance/x.json:2]',
      'error secret-scan README.md:3 [README.md:3]',
    ]);
    expect(findings.map((f) => f.found).join('\n')).not.toContain(KEY);
  });

  it('does not flag clean files, nor a site that was not built', () => {
    expect(
      runRule(rule, {
        evidence: evidenceSlice({ files: files(['a.json', '{}']) }),
        content: files(['content/a.md', 'text']),
        dist: null,
        readme: '# T\n',
      }),
    ).toEqual([]);
  });
});
