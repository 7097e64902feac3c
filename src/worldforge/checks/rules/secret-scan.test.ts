import { describe, expect, it } from 'vitest';
import { scanCredentials } from '../../redaction/secretlint.ts';
import { brief, evidenceSlice, files, runRule } from '../testing.ts';
import rule from './secret-scan.ts';

const KEY = `key_${'a1'.repeat(20)}`;
/** Built at run time so the repository holds no live-looking key. */
const STRIPE = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');

describe('secret-scan', () => {
  it('reports a secret at its line in evidence, content, the built site and the README, with a masked preview', async () => {
    const slices = {
      evidence: evidenceSlice({ files: files(['conformance/x.json', `{\n  "k": "${KEY}"\n}\n`]) }),
      content: files(['content/a.md', `line\nsee /home/alice/secret.txt\n`]),
      dist: files(['dist/index.html', `<p>${KEY}</p>`]),
      readme: `# T\n\nAuthorization: Bearer abcdefghijklmnop\n\nStripe: ${STRIPE}\n`,
    };
    const credentials = await scanCredentials([
      ...slices.evidence.committed.values(),
      ...slices.content.values(),
      ...slices.dist.values(),
      slices.readme,
    ]);
    const findings = runRule(rule, { ...slices, credentials });
    expect(brief(findings)).toEqual([
      'error secret-scan content/a.md:2 [content/a.md:2]',
      'error secret-scan dist/index.html:1 [dist/index.html:1]',
      'error secret-scan evidence/conformance/x.json:2 [evidence/conformance/x.json:2]',
      'error secret-scan README.md:3 [README.md:3]',
      'error secret-scan README.md:5 [README.md:5]',
    ]);
    // One finding per line, naming both scanners' kinds, never the secret.
    expect(findings.at(-1)?.found).toBe('api-key (sk_l…); credential (STRIPE_SECRET_KEY_LIVE)');
    const printed = JSON.stringify(findings);
    for (const secret of [KEY, STRIPE, 'abcdefghijklmnop', '/home/alice']) expect(printed).not.toContain(secret);
  });

  it('fails closed on a text the credential scan never saw', async () => {
    const findings = runRule(rule, {
      evidence: evidenceSlice(),
      content: files(['content/a.md', 'clean text']),
      dist: null,
      readme: '# T\n',
      credentials: await scanCredentials(['# T\n']),
    });
    expect(findings.map((f) => `${f.file}:${f.line} ${f.found}`)).toEqual(['content/a.md:1 unscanned (not scanned by secretlint)']);
  });

  it('does not flag clean files, nor a site that was not built', async () => {
    const texts = { a: '{}', b: 'text', readme: '# T\n' };
    expect(
      runRule(rule, {
        evidence: evidenceSlice({ files: files(['a.json', texts.a]) }),
        content: files(['content/a.md', texts.b]),
        dist: null,
        readme: texts.readme,
        credentials: await scanCredentials(Object.values(texts)),
      }),
    ).toEqual([]);
  });
});
