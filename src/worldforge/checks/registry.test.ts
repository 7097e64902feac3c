/** The registry's shape: one file and one test per rule, listed once, sorted, with complete docs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../evidence/suite/repo.ts';
import { RULE_IDS, RULES, ruleDocsPath, ruleSourcePath } from './rules.ts';
import { CHECK_RULES } from './rules/index.ts';

const DIR = join(REPO_ROOT, 'src/worldforge/checks/rules');

describe('the check-rule registry', () => {
  it('lists every rule file once, sorted by file name, each rule named like its file', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect([...RULE_IDS]).toEqual(files);
    for (const id of RULE_IDS) expect(existsSync(join(REPO_ROOT, ruleSourcePath(id))), id).toBe(true);
    const imports = readFileSync(join(DIR, 'index.ts'), 'utf8').match(/from '\.\/[^']+'/g);
    expect(imports).toEqual(files.map((f) => `from './${f}.ts'`));
  });

  it('has a unit test beside every rule', () => {
    for (const id of RULE_IDS) expect(existsSync(join(DIR, `${id}.test.ts`)), id).toBe(true);
  });

  it('documents every rule: title, why, fix, scope and a docs page path', () => {
    // No count here: adding a rule must touch only its own file and its test.
    expect(CHECK_RULES.length).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) {
      expect(RULES[id]).toMatchObject({ id, title: expect.any(String), why: expect.any(String), fix: expect.any(String) });
      expect(RULES[id].scope.length, id).toBeGreaterThan(0);
      expect(RULES[id].why.length, id).toBeGreaterThan(40);
      expect(ruleDocsPath(id)).toBe(`/rules/${id}/`);
    }
  });
});
