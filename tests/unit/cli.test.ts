/**
 * The acceptance behaviour of `worldforge check` and `worldforge evidence`, run as a user would:
 * the real CLI (in-process, tests/helpers/cli.ts) in a throwaway copy of the repository.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkReportSchema } from '../../src/worldforge/checks/finding.ts';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
const fresh = () => (repo = copyRepo());
afterEach(() => repo?.remove());

describe('worldforge check', () => {
  it('passes on the clean tree and prints its elapsed time', async () => {
    const result = await fresh().run('check');
    expect(result.stdout).toMatch(/worldforge check: ok, .*\(\d+\.\d\d s\)\n$/);
    expect(result.stdout).not.toContain('✖');
    expect(result.code).toBe(0);
  });

  it('exits 1 naming the file after one byte of an evidence file changes', async () => {
    const r = fresh();
    for (const path of ['evidence/conformance/mock.json', 'evidence/index.json', 'evidence/schemas/conformance.schema.json']) {
      const original = r.read(path);
      // Flip one byte inside the first string value (keeps the file valid JSON).
      const at = original.indexOf('"', original.indexOf(':')) + 1;
      r.write(path, original.slice(0, at) + (original[at] === 'x' ? 'y' : 'x') + original.slice(at + 1));
      const result = await r.run('check');
      expect(result.code, path).toBe(1);
      expect(result.stdout).toContain(path);
      expect(result.stdout).toMatch(/fix: +.*npm run evidence/);
      r.write(path, original);
    }
  });

  it('exits 1 naming mock and the capability when a capability leaves the profile without regenerating', async () => {
    const r = fresh();
    const source = r.read('src/worldforge/providers/mock.ts');
    r.write('src/worldforge/providers/mock.ts', source.replace("'reason', 'embed']", "'reason']"));
    const result = await r.run('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/profile-conformance +evidence\/conformance\/mock\.json +\[mock#embed\]/);
    expect(result.stdout).toContain('readme-provider-table');
  });

  it('names the file and field of a schema violation, and --json validates against the report schema', async () => {
    const r = fresh();
    const doc = JSON.parse(r.read('evidence/conformance/genie.json'));
    doc.body.cases[0].status = 'maybe';
    r.write('evidence/conformance/genie.json', `${JSON.stringify(doc, null, 2)}\n`);
    const result = await r.run('check', '--json');
    expect(result.code).toBe(1);
    const report = checkReportSchema().parse(JSON.parse(result.stdout));
    const schemaFinding = report.findings.find((f) => f.rule === 'evidence-schema');
    expect(schemaFinding).toMatchObject({ file: 'evidence/conformance/genie.json', id: 'conformance/genie → body.cases.0.status' });
    // One error, one finding: the file's drift and index digest are consequences, not more errors.
    expect(report.findings.filter((f) => f.level === 'error').map((f) => f.rule)).toEqual(['evidence-schema']);
  });

  it('reports a malformed recorded exchange as an exchange-schema finding naming file and field, and still runs the other rules', async () => {
    const r = fresh();
    const path = 'fixtures/providers/runway/task-failed.json';
    const exchange = JSON.parse(r.read(path));
    r.write(path, `${JSON.stringify({ ...exchange, failure_mode: 'meltdown' }, null, 2)}\n`);
    r.write('README.md', `${r.read('README.md')}\nAlso :claim[made-up-claim].\n`);
    const result = await r.run('check');
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('unexpected error');
    expect(result.stdout).toMatch(/✖ exchange-schema +fixtures\/providers\/runway\/task-failed\.json +\[failure_mode\]/);
    expect(result.stdout).toMatch(/✖ claim-reference-unknown +README\.md:\d+ +\[made-up-claim\]/);
    const generate = await r.run('evidence');
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain(`${path}: failure_mode: expected one of`);
    expect(generate.stderr).not.toContain('unexpected error');
  });

  it('validates every input corpus before generating: all problems at once, exit 2, nothing written', async () => {
    const r = fresh();
    const fixture = 'fixtures/capabilities/generate/invalid-empty-prompt.json';
    const scene = 'fixtures/scenes/invalid-zero-scale.json';
    const exchange = 'fixtures/providers/cosmos/auth-failure.json';
    r.write(fixture, `${JSON.stringify({ ...JSON.parse(r.read(fixture)), origin: 'invented' }, null, 2)}\n`);
    r.write(scene, '{ not json');
    r.write(exchange, `${JSON.stringify({ ...JSON.parse(r.read(exchange)), failure_mode: 'meltdown' }, null, 2)}\n`);
    const tracked = ['evidence/index.json', 'evidence/fixtures/generate.json', 'README.md'];
    const before = tracked.map((p) => r.read(p));
    const generate = await r.run('evidence');
    expect(generate.code).toBe(2);
    for (const path of [`${fixture}: origin:`, `${scene}:1: (root):`, `${exchange}: failure_mode:`])
      expect(generate.stderr).toContain(path);
    expect(generate.stderr).toContain('Nothing was written');
    expect(tracked.map((p) => r.read(p))).toEqual(before);
    const check = await r.run('check', '--json');
    const rules = (JSON.parse(check.stdout) as { findings: { rule: string; file: string }[] }).findings.map((f) => `${f.rule} ${f.file}`);
    expect(rules).toEqual(expect.arrayContaining([`fixture-schema ${fixture}`, `fixture-schema ${scene}`, `exchange-schema ${exchange}`]));
  });

  it('exits 2 on a usage error', async () => {
    expect((await fresh().run('check', '--bogus')).code).toBe(2);
    expect((await repo!.run('evidence', 'generate', '--shard', '3/2')).code).toBe(2);
    expect((await repo!.run('evidence', 'generate', '--only', 'conformance/nope')).stderr).toContain('unknown subject conformance/nope');
  });
});

describe('worldforge evidence', () => {
  it('regenerates byte-identical files, and repairs a hand-edited file', async () => {
    const r = fresh();
    const before = ['evidence/conformance/mock.json', 'evidence/index.json', 'README.md'].map((p) => r.read(p));
    expect((await r.run('evidence')).code).toBe(0);
    expect((await r.run('evidence')).code).toBe(0);
    expect(['evidence/conformance/mock.json', 'evidence/index.json', 'README.md'].map((p) => r.read(p))).toEqual(before);

    r.write('evidence/conformance/mock.json', before[0]!.replace('"passed"', '"failed"'));
    const repaired = await r.run('evidence', '--only', 'conformance/mock');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('updated: evidence/conformance/mock.json');
    expect(r.read('evidence/conformance/mock.json')).toBe(before[0]);
    expect((await r.run('check')).code).toBe(0);
  });

  it('removes orphaned evidence on a full regeneration', async () => {
    const r = fresh();
    r.write('evidence/conformance/ghost.json', r.read('evidence/conformance/genie.json'));
    const check = await r.run('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/evidence-unexpected +evidence\/conformance\/ghost\.json/);
    expect((await r.run('evidence')).stdout).toContain('removed: evidence/conformance/ghost.json');
    expect((await r.run('check')).code).toBe(0);
  });
});
