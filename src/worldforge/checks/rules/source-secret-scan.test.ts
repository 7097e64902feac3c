import { describe, expect, it } from 'vitest';
import { scanCredentials } from '../../redaction/secretlint.ts';
import { PLANTED_SECRETS_ALLOW_LIST } from '../planted-secrets.ts';
import { brief, files, runRule } from '../testing.ts';
import rule from './source-secret-scan.ts';

/** Built at run time so the repository holds no live-looking key. */
const PAT = `github_pat_${'11ABCDEFG0'.repeat(2)}_${'aB3dE5gH7j'.repeat(6)}ab`;

const allowList = (allowed: unknown[]) => JSON.stringify({ schema: 'worldforge.allowed-secrets@1', description: 'planted fakes', allowed });

async function run(sources: Map<string, string>) {
  return runRule(rule, { sources, credentials: await scanCredentials(sources.values()) });
}

describe('source-secret-scan', () => {
  it('reports a secret in a prose page at its source line, masked', async () => {
    const findings = await run(files(['src/content/docs/guide.md', `# Guide\n\nUse token ${PAT} to log in.\n`]));
    expect(brief(findings)).toEqual(['error source-secret-scan src/content/docs/guide.md:3 [src/content/docs/guide.md:3]']);
    expect(JSON.stringify(findings)).not.toContain(PAT);
  });

  it('allows a fixture exactly as planted, and reports one more secret, one fewer, or a vanished file', async () => {
    const fixture = 'fixtures/x/echo.json';
    const planted = '{"error": "password=wfplantedpassword42"}\n';
    const list = allowList([{ file: fixture, kinds: { 'secret-assignment': 1 }, why: 'planted' }]);
    expect(await run(files([fixture, planted], [PLANTED_SECRETS_ALLOW_LIST, list]))).toEqual([]);

    const more = await run(files([fixture, `${planted}/root/.ssh/id_rsa\n`], [PLANTED_SECRETS_ALLOW_LIST, list]));
    expect(brief(more)).toEqual([`error source-secret-scan ${fixture}:2 [${fixture}:2]`]);

    const fewer = await run(files([fixture, '{}\n'], [PLANTED_SECRETS_ALLOW_LIST, list]));
    expect(fewer.map((f) => f.found)).toEqual(['1 allowed, 0 found: lower the count (the list only shrinks)']);

    const gone = await run(files([PLANTED_SECRETS_ALLOW_LIST, list]));
    expect(gone.map((f) => f.found)).toEqual([`${fixture} is gone: remove its entry`]);
  });

  it('never allows a prose page, and an unreadable allow list allows nothing', async () => {
    const page = 'src/content/docs/a.md';
    const text = 'see /home/alice/notes\n';
    const proseAllowed = await run(
      files([page, text], [PLANTED_SECRETS_ALLOW_LIST, allowList([{ file: page, kinds: { 'host-path': 1 }, why: 'x' }])]),
    );
    expect(brief(proseAllowed).sort()).toEqual([
      `error source-secret-scan ${PLANTED_SECRETS_ALLOW_LIST}:- [${PLANTED_SECRETS_ALLOW_LIST} → allowed.0.file]`,
      `error source-secret-scan ${page}:1 [${page}:1]`,
    ]);
    const broken = await run(files([page, text], [PLANTED_SECRETS_ALLOW_LIST, '{']));
    expect(broken).toHaveLength(2);
  });

  it('passes clean sources', async () => {
    expect(await run(files(['src/content/docs/a.md', '# Clean\n\nSee /providers/runway/ and https://example.com/a?x=1.\n']))).toEqual([]);
  });
});
