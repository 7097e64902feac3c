/**
 * The CI workflow splits the test files over a matrix (`test` job, one part per runner). A file
 * that no part names would silently never run in CI, and a file two parts name runs twice: every
 * file vitest.config.ts includes must be matched by exactly one part. A part's `paths` are vitest
 * filters, which match a file whose path relative to the root contains them.
 */
import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../vitest.config.ts';
import { REPO } from '../helpers/repo-copy.ts';

interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: { part?: { name: string; paths: string }[] } }; steps: { run?: string }[] }>;
}

const workflow = parse(readFileSync(`${REPO}/.github/workflows/ci.yml`, 'utf8')) as Workflow;
const parts = workflow.jobs.test?.strategy?.matrix?.part ?? [];
const include = config.test?.include ?? [];
const testFiles = [...new Set(include.flatMap((pattern) => globSync(pattern, { cwd: REPO })))].sort();

/** The matrix parts whose filters match `file` (vitest's rule: the relative path contains the filter). */
const partsOf = (file: string) => parts.filter((part) => part.paths.split(/\s+/).some((filter) => file.includes(filter)));

describe('CI test matrix', () => {
  it('runs the README test command with each part’s paths', () => {
    expect(parts.length).toBeGreaterThan(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal
    expect(workflow.jobs.test?.steps.map((step) => step.run)).toContain('npm test -- ${{ matrix.part.paths }}');
  });

  it('gives every test file vitest includes to exactly one part', () => {
    expect(testFiles.length).toBeGreaterThan(100);
    const wrong = testFiles
      .map((file) => ({ file, parts: partsOf(file).map((part) => part.name) }))
      .filter(({ parts: matched }) => matched.length !== 1);
    expect(wrong).toEqual([]);
  });

  it('runs the check over a built site, and typecheck and lint, in a job of their own', () => {
    const runs = workflow.jobs.check?.steps.map((step) => step.run ?? '') ?? [];
    const at = (command: string) => runs.findIndex((run) => run.startsWith(command));
    expect(at('npm run build:site')).toBeGreaterThanOrEqual(0);
    expect(at('npm run check')).toBeGreaterThan(at('npm run build:site'));
    expect(at('npm run typecheck')).toBeGreaterThan(0);
    expect(at('npm run lint')).toBeGreaterThan(0);
  });
});
