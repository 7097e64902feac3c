// Sharded generation on a CI matrix: the shards of `evidence generate --shard i/n --out <dir>`,
// merged by `evidence merge`, are byte-identical to one unsharded run, index included.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allSubjects, selectSubjects } from '../../generators/run.ts';
import { readEvidenceDir } from '../../src/worldforge/evidence/read.ts';
import { runCli } from '../helpers/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wf-shards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function ok(...argv: string[]) {
  const run = await runCli(argv);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe('evidence generate --shard + evidence merge', () => {
  const full = join(scratch, 'full');

  it('writes an unsharded tree with its index into --out and leaves README.md alone', async () => {
    const run = await ok('evidence', 'generate', '--out', full, '--json');
    expect(JSON.parse(run.stdout).readme_changed).toBe(false);
    expect(readEvidenceDir(full).has('index.json')).toBe(true);
  });

  for (const count of [1, 2, 3]) {
    it(`merges ${count} shard(s) into the unsharded tree, byte for byte`, async () => {
      const shards: string[] = [];
      for (let index = 1; index <= count; index++) {
        const dir = join(scratch, `n${count}-shard${index}`);
        await ok('evidence', 'generate', '--shard', `${index}/${count}`, '--out', dir, '--json');
        expect(existsSync(join(dir, 'index.json'))).toBe(false);
        shards.push(dir);
      }
      const merged = join(scratch, `n${count}-merged`);
      await ok('evidence', 'merge', ...shards, '--out', merged);
      const expected = readEvidenceDir(full);
      const actual = readEvidenceDir(merged);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of expected) expect(actual.get(path), path).toBe(text);
    });
  }

  it('gives every subject to exactly one shard, also with more shards than subjects', async () => {
    const subjects = await allSubjects();
    const all = subjects.map((subject) => subject.id);
    for (const count of [1, 2, 3, 7, all.length, all.length + 5]) {
      const ids = Array.from({ length: count }, (_, i) => selectSubjects(subjects, { shard: { index: i + 1, count } }))
        .flat()
        .map((subject) => subject.id);
      expect(ids.sort(), `n = ${count}`).toEqual([...all].sort());
    }
  });

  it('refuses an --out that is a file before running any suite, naming the option as typed', async () => {
    const file = join(scratch, 'not-a-folder.json');
    writeFileSync(file, '{}');
    const generate = await runCli(['evidence', 'generate', '--shard', '1/2', '--out', file]);
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain(`--out ${file}: it is a file, not a folder`);
    expect(generate.stderr).not.toContain('running ');
    const merge = await runCli(['evidence', 'merge', join(scratch, 'n2-shard1'), join(scratch, 'n2-shard2'), '--out', file]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`--out ${file}: it is a file, not a folder`);
    // Under a file: the folder that cannot be made is named by the --out given, never as '.'.
    const under = await runCli(['evidence', 'merge', join(scratch, 'n2-shard1'), join(scratch, 'n2-shard2'), '--out', join(file, 'sub')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`cannot write ${join(file, 'sub')}: a parent is not a folder`);
  });

  it('refuses an incomplete set of shards and writes nothing', async () => {
    const out = join(scratch, 'incomplete');
    const run = await runCli(['evidence', 'merge', join(scratch, 'n2-shard1'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no shard produced .*merge the output of every shard/);
    expect(existsSync(out)).toBe(false);
  });
});
