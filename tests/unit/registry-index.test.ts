import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  identifierOf,
  partitionEntries,
  moduleFiles,
  registryIndexState,
  renderRegistryIndex,
  subfolderModules,
} from '../../src/worldforge/registry-index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-registry-'));
  dirs.push(dir);
  return dir;
};

describe('registry index', () => {
  it('names entries after their file or folder', () => {
    expect(identifierOf('claim-class-backing.ts')).toBe('claimClassBacking');
    expect(identifierOf('design-records/kind.ts')).toBe('designRecords');
    expect(identifierOf('404-page.ts')).toBe('_404Page');
  });

  it('lists modules sorted, skipping tests and the index itself', () => {
    const root = scratch();
    mkdirSync(join(root, 'rules'));
    for (const f of ['b-rule.ts', 'a-rule.ts', 'a-rule.test.ts', 'index.ts', 'notes.md']) writeFileSync(join(root, 'rules', f), '');
    const spec = { folder: 'rules', entries: moduleFiles, exportName: 'RULE_DEFINITIONS', describes: 'rule' };
    const state = registryIndexState(root, spec);
    expect(state.path).toBe('rules/index.ts');
    expect(state.committed).toBe('');
    expect(state.expected).toContain("import aRule from './a-rule.ts';\nimport bRule from './b-rule.ts';");
    expect(state.expected).toContain('export const RULE_DEFINITIONS = [\n  aRule,\n  bRule,\n] as const;');
  });

  it('finds one module per sub-folder that has one', () => {
    const root = scratch();
    for (const d of ['x', 'y', 'z']) mkdirSync(join(root, 'kinds', d), { recursive: true });
    writeFileSync(join(root, 'kinds', 'x', 'kind.ts'), '');
    writeFileSync(join(root, 'kinds', 'z', 'kind.ts'), '');
    expect(subfolderModules('kind.ts')(join(root, 'kinds')).sort()).toEqual(['x/kind.ts', 'z/kind.ts']);
    expect(renderRegistryIndex({ exportName: 'KINDS', describes: 'kind', importName: 'kind' }, ['x/kind.ts'])).toContain(
      "import { kind as x } from './x/kind.ts';",
    );
  });

  it('leaves out, and names, entries that are not ids or that collide', () => {
    const { accepted, rejected } = partitionEntries([
      'good-rule.ts',
      "bad'quote.ts",
      'Upper.ts',
      'a-1.ts',
      'a1.ts',
      'x/kind.ts',
      'x y/kind.ts',
    ]);
    expect(accepted).toEqual(['a-1.ts', 'good-rule.ts', 'x/kind.ts']);
    expect(rejected.map((r) => r.entry)).toEqual(['Upper.ts', 'a1.ts', "bad'quote.ts", 'x y/kind.ts']);
    expect(rejected.find((r) => r.entry === 'a1.ts')!.reason).toContain("identifier 'a1' of a-1.ts");
  });

  it('keeps a folder entry with a bad name out of the index state', () => {
    const root = scratch();
    mkdirSync(join(root, 'rules'));
    for (const f of ['ok.ts', "evil';process.exit(1);'.ts"]) writeFileSync(join(root, 'rules', f), '');
    const state = registryIndexState(root, { folder: 'rules', entries: moduleFiles, exportName: 'R', describes: 'rule' });
    expect(state.expected).not.toContain('evil');
    expect(state.rejected).toHaveLength(1);
  });

  it('renders an empty registry and refuses two entries with one identifier', () => {
    expect(renderRegistryIndex({ exportName: 'KINDS', describes: 'kind' }, [])).toContain('export const KINDS = [] as const;');
    expect(() => renderRegistryIndex({ exportName: 'KINDS', describes: 'kind' }, ['a-b.ts', 'a_b.ts'])).toThrow(/identifier 'aB'/);
  });
});
