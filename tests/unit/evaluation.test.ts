import { describe, expect, it } from 'vitest';
import { createProvider } from '../../src/worldforge/providers/catalog.ts';
import { EvaluationError, runSuite, validateSuite } from '../../src/worldforge/evaluation/run.ts';
import { EVALUATION_SUITES } from '../../src/worldforge/evaluation/suites/index.ts';
import type { EvaluationSuite, Scenario } from '../../src/worldforge/evaluation/types.ts';
import { evaluationBodySchema } from '../../src/worldforge/kinds/evaluation/schema.ts';
import { galleryEvidenceSchema } from '../../src/worldforge/kinds/galleries/schema.ts';
import { renderGalleryMarkdown } from '../../src/worldforge/kinds/galleries/markdown.ts';
import { galleryDefinitions } from '../../src/worldforge/kinds/galleries/suite.ts';

const scenario = (overrides: Partial<Scenario> = {}): Scenario => ({
  id: 'probe',
  description: 'A probe scenario for tests.',
  expectation: 'pass',
  metrics: ['value'],
  thresholds: [{ metric: 'value', op: '>=', value: 1 }],
  run: async () => ({ metrics: { value: 1 }, observed: 'ok', input: {}, result: {} }),
  ...overrides,
});
const suite = (overrides: Partial<EvaluationSuite> = {}): EvaluationSuite => ({
  id: 'probe-suite',
  version: '1',
  capability: 'embed',
  source: 'x.ts',
  claim_boundary: 'Probe suite used by tests only; it shows nothing.',
  metric_semantics: 'value is 1 when the probe ran, for tests only.',
  scenarios: [scenario()],
  ...overrides,
});
const mock = () => createProvider('mock');
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: Error) => `${e.name}: ${e.message}`,
  );

describe('evaluation suites', () => {
  it('are all valid, versioned, and each has at least one labelled known failure', () => {
    for (const s of EVALUATION_SUITES) {
      expect(() => validateSuite(s), s.id).not.toThrow();
      expect(
        s.scenarios.some((x) => x.expectation === 'known-failure'),
        s.id,
      ).toBe(true);
    }
    expect(EVALUATION_SUITES.map((s) => s.id)).toEqual(['physics', 'planning', 'reasoning', 'generation', 'transfer']);
  });

  it('produce finite metrics and outcomes matching every expectation against mock', async () => {
    for (const s of EVALUATION_SUITES) {
      const body = evaluationBodySchema().parse(await runSuite(s, mock()));
      expect(
        body.scenarios.every((r) => r.matches_expectation),
        s.id,
      ).toBe(true);
      expect(body.scenarios.filter((r) => !r.passed).map((r) => r.expectation)).toEqual(['known-failure']);
    }
  });

  it('refuse a suite without a name, before running anything', async () => {
    let ran = false;
    const unnamed = suite({
      id: '',
      scenarios: [
        scenario({
          run: async () => {
            ran = true;
            return { metrics: { value: 1 }, observed: 'x', input: {}, result: {} };
          },
        }),
      ],
    });
    expect(await failure(runSuite(unnamed, mock()))).toMatch(
      /EvaluationError: evaluation suite '\(unnamed\)': definition: id: a suite needs a name/,
    );
    expect(ran).toBe(false);
  });

  it('refuse thresholds on unknown metrics, non-finite values and mismatched metric sets', async () => {
    expect(() => validateSuite(suite({ scenarios: [scenario({ thresholds: [{ metric: 'other', op: '<=', value: 1 }] })] }))).toThrow(
      "thresholds.0.metric: 'other' is not one of the scenario's metrics (value)",
    );
    const nan = scenario({ run: async () => ({ metrics: { value: Number.NaN }, observed: 'x', input: {}, result: {} }) });
    expect(await failure(runSuite(suite({ scenarios: [nan] }), mock()))).toContain('metric value: non-finite value NaN');
    const extra = scenario({ run: async () => ({ metrics: { value: 1, bonus: 2 }, observed: 'x', input: {}, result: {} }) });
    expect(await failure(runSuite(suite({ scenarios: [extra] }), mock()))).toContain(
      'reported metrics [bonus, value] but declares [value]',
    );
    expect(() => validateSuite(suite({ scenarios: [scenario({ expectation: 'known-failure' })] }))).toThrow('must say why');
    expect(() => validateSuite(suite({ scenarios: [] }))).toThrow(EvaluationError);
  });

  it('flags a known failure that starts passing (ratchet)', async () => {
    const body = await runSuite(
      suite({ scenarios: [scenario({ expectation: 'known-failure', expectation_note: 'Expected to fail for tests.' })] }),
      mock(),
    );
    expect(body.scenarios[0]).toMatchObject({ passed: true, matches_expectation: false });
  });
});

describe('failure-case galleries', () => {
  it('exist for every suite, validate, and only contain safe, labelled cases', async () => {
    const galleries = galleryDefinitions();
    expect(galleries.map((g) => g.id)).toEqual([
      'conformance',
      'fixtures',
      'physics',
      'planning',
      'reasoning',
      'generation',
      'transfer',
      'scenes',
      'providers',
    ]);
    for (const gallery of galleries) {
      const doc = galleryEvidenceSchema().parse(await gallery.build());
      expect(doc.body.cases.length, gallery.id).toBeGreaterThan(0);
      const text = JSON.stringify(doc) + renderGalleryMarkdown(doc);
      expect(text).not.toMatch(/X-Amz-Signature|Bearer [A-Za-z0-9]|\/home\/|\/Users\/|\/tmp\//);
      expect(renderGalleryMarkdown(doc)).toContain('not a fidelity ranking');
    }
  });

  it('takes expected rejections from invalid fixtures and known failures from strict scenarios', async () => {
    const [, fixtures, physics] = await Promise.all(
      galleryDefinitions()
        .slice(0, 3)
        .map((g) => g.build()),
    );
    expect(fixtures!.body.cases.find((c) => c.fixture_id === 'generate.invalid-signed-image-url')).toMatchObject({
      label: 'expected-rejection',
      error_code: 'invalid_input',
    });
    expect(physics!.body.cases.map((c) => [c.fixture_id, c.label])).toEqual([['evaluation:physics:collision-response', 'known-failure']]);
  });
});
