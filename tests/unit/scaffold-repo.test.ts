/**
 * Acceptance of `scaffold provider` on a copy of the repository: a fresh scaffold leaves the tree
 * passing `npm run check`, its generated test and a typecheck of the generated TypeScript; running
 * it again without --force refuses and changes no byte. (The full `npm test` builds the site, too
 * slow to repeat here; the scaffold adds one Markdown page the build renders like any other.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Tag } from '../../src/worldforge/digest.ts';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy;
beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo.remove());

function treeDigests(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(root, full)] = sha256Tag(readFileSync(full));
    }
  };
  walk(root);
  return out;
}

const npx = (root: string, ...args: string[]) => {
  const run = spawnSync('npx', ['--no-install', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('scaffold provider demo --capability score (repo copy)', () => {
  it('writes a scaffold that passes the check, its own test and the typecheck; a second run refuses and changes nothing', () => {
    const first = repo.cli('scaffold', 'provider', 'demo', '--capability', 'score');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('not registered in the catalog');
    expect(repo.read('src/worldforge/providers/catalog.ts')).not.toContain('demo');

    const before = treeDigests(repo.root);
    const second = repo.cli('scaffold', 'provider', 'demo', '--capability', 'score');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('already exists');
    expect(treeDigests(repo.root)).toEqual(before);

    const check = repo.cli('check', '--no-dist');
    expect(check.code, check.stdout).toBe(0);

    const test = npx(repo.root, 'vitest', 'run', 'tests/unit/providers/demo.test.ts');
    expect(test.code, test.output).toBe(0);
    expect(test.output).toContain('10 passed');

    repo.write(
      'tsconfig.scaffold.json',
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { types: ['node'] },
        include: ['src/worldforge/providers/demo.ts', 'tests/unit/providers/demo.test.ts'],
      }),
    );
    const types = npx(repo.root, 'tsc', '--noEmit', '-p', 'tsconfig.scaffold.json');
    expect(types.code, types.output).toBe(0);
  }, 300_000);
});
