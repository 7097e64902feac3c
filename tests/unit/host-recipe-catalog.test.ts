import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envExample, HOST_RECIPES, PATH_CLASSES } from '../../src/worldforge/hosts/recipes.ts';
import { providerEnvVarNames } from '../../src/worldforge/providers/catalog.ts';
import { REPO } from '../helpers/repo-copy.ts';

describe('host recipe catalog', () => {
  it('names the three recipes, each with every step and a valid path class', () => {
    expect(HOST_RECIPES.map((r) => r.id)).toEqual(['batch-evaluation', 'service-host', 'robotics-operator']);
    for (const r of HOST_RECIPES) {
      for (const step of [r.process, r.readiness, r.smoke, r.logging, r.evidence_export, ...r.beyond_checkout])
        expect(PATH_CLASSES).toContain(step.path);
      expect(r.first_triage_step.length).toBeGreaterThan(10);
      expect(r.owned_boundary.length).toBeGreaterThan(10);
    }
  });

  it('the env template lists every catalog provider variable with an empty value', () => {
    const vars = envExample()
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(vars.every((l) => /^[A-Z][A-Z0-9_]*=$/.test(l))).toBe(true);
    expect(vars.map((l) => l.slice(0, -1)).sort()).toEqual([...providerEnvVarNames()].sort());
  });

  it.each(HOST_RECIPES.map((r) => [r.id, r.folder] as const))(
    '%s: .env.example matches the catalog and its process file exists',
    (_id, folder) => {
      const file = join(REPO, folder, '.env.example');
      expect(readFileSync(file, 'utf8'), `${folder}/.env.example drifted: rewrite it from envExample()`).toBe(envExample());
      const recipe = HOST_RECIPES.find((r) => r.folder === folder)!;
      const script = recipe.process.command.split(' ').find((w) => w.startsWith('host-recipes/'))!;
      expect(existsSync(join(REPO, script)), script).toBe(true);
    },
  );
});
