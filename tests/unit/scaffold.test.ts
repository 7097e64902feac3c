/** The scaffold planner and writer, in process against a temporary root (no CLI subprocess). */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runtimeManifestStubSchema, scaffoldPaths } from '../../src/worldforge/scaffold/layout.ts';
import { planScaffold, ScaffoldError, writeScaffold } from '../../src/worldforge/scaffold/plan.ts';
import { scaffoldProvider } from '../../scripts/scaffold-cli.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wf-scaffold-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScaffoldError) return error.problems.map((p) => `${p.file} ${p.field}: ${p.reason}`);
    throw error;
  }
  return [];
};

describe('scaffold provider', () => {
  it('plans every file of the layout, remote by default with <NAME>_API_KEY', () => {
    const files = planScaffold(root, { name: 'my-model', capability: ['score', 'predict'] });
    const paths = scaffoldPaths('my-model', ['predict', 'score']);
    expect(files.map((f) => f.path)).toEqual([paths.module, paths.test, ...paths.fixtures, paths.runtimeStub, paths.docs, paths.checklist]);
    const stub = runtimeManifestStubSchema().parse(JSON.parse(files.find((f) => f.path === paths.runtimeStub)!.text));
    expect(stub).toMatchObject({
      id: 'my-model:stub',
      incomplete: true,
      planned_capabilities: ['predict', 'score'],
      env_vars: ['MY_MODEL_API_KEY'],
    });
    const module = files[0]!.text;
    expect(module).toContain('capabilities: [],');
    expect(module).toContain("runtime_ownership: 'remote-api'");
    expect(module).toContain('handlers: CapabilityHandlers = {}');
    expect(files.find((f) => f.path === paths.docs)!.text).toContain('Not executable');
  });

  it('reports every invalid option at once', () => {
    expect(
      problemsOf(() => planScaffold(root, { name: 'Bad_Name', capability: ['fly'], remote: true, local: true, envVar: ['lower'] })),
    ).toEqual([
      "(arguments) name: 'Bad_Name' is not a provider id",
      "(arguments) --capability: 'fly' is not a capability",
      '(arguments) --remote/--local: both given',
      "(arguments) --env-var: 'lower' is not an env var name",
    ]);
    expect(problemsOf(() => planScaffold(root, { name: 'mock', capability: [] }))).toEqual([
      "(arguments) name: 'mock' is already a catalog provider",
      '(arguments) --capability: no planned capability given',
    ]);
  });

  it('writes once, refuses a second run without --force and changes nothing', () => {
    const out: string[] = [];
    const options = { capability: ['score'], envVar: [], local: true };
    expect(
      scaffoldProvider(
        root,
        'demo',
        options,
        (t) => out.push(t),
        (t) => out.push(t),
      ),
    ).toBe(0);
    const module = join(root, 'src/worldforge/providers/demo.ts');
    writeFileSync(module, '// edited by the author\n');
    const err: string[] = [];
    expect(
      scaffoldProvider(
        root,
        'demo',
        options,
        () => {},
        (t) => err.push(t),
      ),
    ).toBe(2);
    expect(err.join('')).toContain('already exists');
    expect(err.join('')).toContain('Nothing was written.');
    expect(readFileSync(module, 'utf8')).toBe('// edited by the author\n');
    expect(
      scaffoldProvider(
        root,
        'demo',
        { ...options, force: true },
        () => {},
        () => {},
      ),
    ).toBe(0);
    expect(readFileSync(module, 'utf8')).toContain('DemoProvider');
  });

  it('never replaces a hand-written module, even with --force, and never writes through a symlink', () => {
    mkdirSync(join(root, 'src/worldforge/providers'), { recursive: true });
    writeFileSync(join(root, 'src/worldforge/providers/base.ts'), '// hand-written\n');
    expect(problemsOf(() => planScaffold(root, { name: 'base', capability: ['score'], force: true }))).toEqual([
      'src/worldforge/providers/base.ts name: a provider module that is not a scaffold already has this name',
    ]);
    mkdirSync(join(root, 'content/scaffolds/demo'), { recursive: true });
    symlinkSync(join(root, 'elsewhere.json'), join(root, 'content/scaffolds/demo/runtime-manifest.stub.json'));
    expect(problemsOf(() => planScaffold(root, { name: 'demo', capability: ['score'], force: true }))).toEqual([
      'content/scaffolds/demo/runtime-manifest.stub.json (path): is a symlink',
    ]);
    expect(existsSync(join(root, 'elsewhere.json'))).toBe(false);
  });

  it('removes the files it created when a write fails', () => {
    const files = planScaffold(root, { name: 'demo', capability: ['score'] });
    // A directory where the last file should go makes its write fail.
    mkdirSync(join(root, files.at(-1)!.path), { recursive: true });
    expect(() =>
      writeScaffold(
        root,
        files.map((f, i) => (i === files.length - 1 ? { ...f, overwrites: true } : f)),
      ),
    ).toThrow();
    expect(existsSync(join(root, files[0]!.path))).toBe(false);
  });
});
