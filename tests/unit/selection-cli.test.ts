/**
 * Acceptance of the selection record rules, the scene fixture rule and the authoring tools, run as
 * a contributor would: the real CLI in a throwaway copy of the repository. Each failure mode has
 * its own small fixture under tests/fixtures/selection/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReportSchema } from '../../src/worldforge/checks/finding.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
const fresh = () => (repo = copyRepo());
afterEach(() => repo?.remove());

const fixture = (name: string) => readFileSync(join(REPO, 'tests', 'fixtures', 'selection', name), 'utf8');

/** Copies a test record into content/selection-records/ of the copy and runs `worldforge check`. */
async function checkWithRecord(name: string) {
  const r = fresh();
  const path = `content/selection-records/${name}`;
  r.write(path, fixture(name));
  return { path, result: await r.run('check') };
}

describe('npm run check on selection records', () => {
  it('fails naming file and rule for a record with 4 active candidates', async () => {
    const { path, result } = await checkWithRecord('four-active.md');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`selection-active-limit +${path}:79 +\\[candidates\\.3\\.decision\\]`));
    expect(result.stdout).toContain("'delta' is active candidate 4 of 4");
  });

  it('fails naming file and rule for a deferral without a revisit trigger', async () => {
    const { path, result } = await checkWithRecord('deferral-no-trigger.md');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`selection-deferral +${path}:\\d+ +\\[candidates\\.1\\.revisit_trigger\\]`));
  });

  it('fails naming file and rule for a decision contradicting the computed score without an override reason', async () => {
    const { path, result } = await checkWithRecord('band-contradiction.md');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`selection-score-band +${path}:25 +\\[candidates\\.0\\.decision\\]`));
    expect(result.stdout).toContain('computed score 8/16');
  });

  it('accepts the same contradiction once an override reason is given', async () => {
    const r = fresh();
    r.write(
      'content/selection-records/band-contradiction.md',
      fixture('band-contradiction.md').replace(
        '    decision: active\n',
        '    decision: active\n    override_reason: Pursued now because it unblocks the other two candidates.\n',
      ),
    );
    expect((await r.run('check')).code).toBe(0);
  });

  it('reports a hand-written record exactly as `selection check` does', async () => {
    const r = fresh();
    const path = 'content/selection-records/rule-problems.md';
    r.write(path, fixture('rule-problems.md'));
    const report = checkReportSchema().parse(JSON.parse((await r.run('check', '--json')).stdout));
    const single = JSON.parse((await r.run('selection', 'check', path, '--json')).stdout) as {
      problems: { rule: string; file: string; line: number | null; field: string }[];
    };
    const key = (p: { rule: string; file: string; line: number | null }, field: string) => `${p.file}:${p.line} ${p.rule} ${field}`;
    expect(
      report.findings
        .filter((f) => f.file === path)
        .map((f) => key(f, f.id))
        .sort(),
    ).toEqual(single.problems.map((p) => key(p, p.field)).sort());
    expect(single.problems.length).toBe(8);
  });
});

describe('npm run check on scene fixtures', () => {
  it('fails naming the file and scene-fixture-failed when an invalid fixture is accepted', async () => {
    const r = fresh();
    const valid = JSON.parse(r.read('fixtures/scenes/valid-tabletop.json'));
    const path = 'fixtures/scenes/invalid-actually-fine.json';
    r.write(
      path,
      `${JSON.stringify({ ...valid, id: 'scenes.invalid-actually-fine', expect: { ok: false, error: 'malformed_transform' } }, null, 2)}\n`,
    );
    const result = await r.run('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`scene-fixture-failed +${path} +\\[scenes\\.invalid-actually-fine\\]`));
    expect(result.stdout).toMatch(/expected: rejected malformed_transform\n +found: +accepted/);
  });

  it('fails naming the file and scene-fixture-failed when a valid fixture is rejected', async () => {
    const r = fresh();
    const path = 'fixtures/scenes/valid-tabletop.json';
    const doc = JSON.parse(r.read(path));
    doc.artifact.units = 'furlong';
    r.write(path, `${JSON.stringify(doc, null, 2)}\n`);
    const result = await r.run('check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`scene-fixture-failed +${path} +\\[scenes\\.valid-tabletop\\]`));
    expect(result.stdout).toContain('rejected unknown_unit');
  });
});

const NEW_FLAGS = [
  'selection',
  'new',
  '--no-input',
  '--id',
  'cohort-2',
  '--title',
  'Provider cohort 2',
  '--date',
  '2026-12-01',
  '--summary',
  'A trial cohort written from flags to show the authoring tool end to end.',
  '--candidate',
  'small-wm',
  '--candidate',
  'sim-x',
  '--name',
  'small-wm=Small world model',
  '--capabilities',
  'small-wm=score',
  '--upstream',
  'small-wm=A latent world model with a documented cost API',
  '--ownership',
  'small-wm=prepared-host',
  '--fixture-strategy',
  'small-wm=Injected fake runtime over the score bridge',
  '--smoke',
  'small-wm=CPU smoke with the smallest checkpoint',
  '--license-risk',
  'small-wm=Research licence; weight terms to review',
  '--scores',
  'small-wm=1,2,1,1,2,1,1,1',
  '--capabilities',
  'sim-x=predict,policy',
  '--upstream',
  'sim-x=A simulator with a step API',
  '--ownership',
  'sim-x=prepared-host',
  '--fixture-strategy',
  'sim-x=Recorded step traces',
  '--smoke',
  'sim-x=Needs the simulator installed',
  '--license-risk',
  'sim-x=Per-simulator licence',
  '--scores',
  'sim-x=1,0,1,1,1,0,1,0',
  '--blocker',
  'sim-x=No capability contract models a simulator step yet.',
  '--revisit-trigger',
  'sim-x=A design record defines a simulator step artifact.',
];

describe('worldforge selection new / check', () => {
  it('writes a record from flags that passes `selection check` and `npm run check`', async () => {
    const r = fresh();
    const created = await r.run(...NEW_FLAGS);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('wrote content/selection-records/cohort-2.md');
    const text = r.read('content/selection-records/cohort-2.md');
    expect(text).toContain('decision: rfc'); // small-wm: 10 → band default
    expect(text).toContain('decision: deferred'); // sim-x: 5 → band default
    expect(text).not.toMatch(/^\s*total:/m);
    const checked = await r.run('selection', 'check', 'content/selection-records/cohort-2.md');
    expect(checked.stdout).toContain('content/selection-records/cohort-2.md ok');
    expect(checked.code).toBe(0);
    expect((await r.run('check')).code).toBe(0);
  });

  it('refuses to write a record the check would reject, and exits 2 on missing flags or files', async () => {
    const r = fresh();
    const noTrigger = NEW_FLAGS.filter((f, i) => f !== '--revisit-trigger' && NEW_FLAGS[i - 1] !== '--revisit-trigger');
    const refused = await r.run(...noTrigger);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/content\/selection-records\/cohort-2\.md:\d+ +\[selection-deferral\] +candidates\.1\.revisit_trigger/);
    expect(refused.stdout).toContain('nothing written');
    const missing = await r.run('selection', 'new', '--no-input', '--id', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --title, --summary');
    const unknown = r.cli(...NEW_FLAGS.map((f) => (f === 'small-wm=score' ? 'small-wn=score' : f)));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("names candidate 'small-wn', which no --candidate declares");
    expect((await r.run('selection', 'check', 'content/selection-records/nope.md')).code).toBe(2);
  });

  it('prints friendly errors: file:line, rule, field, expected, found, hint', async () => {
    const r = fresh();
    for (const name of ['many-problems.md', 'rule-problems.md']) {
      r.write(`content/selection-records/${name}`, fixture(name));
      const result = await r.run('selection', 'check', `content/selection-records/${name}`);
      expect(result.code, name).toBe(1);
      expect(result.stdout).toMatchSnapshot(name);
    }
  });
});
