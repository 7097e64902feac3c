/**
 * The benchmark suite in-process: planning (typed skips), measurement counts, the budget gate on
 * medians (noise passes, a 2× regression fails), calibration and its loosening guard, the
 * comparison model and its refusals, replay retry counting, and deterministic evidence.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BudgetFile } from '../../src/worldforge/benchmarks/budget-schema.ts';
import { appliedBudget, applyRefusal, calibrate } from '../../src/worldforge/benchmarks/calibrate.ts';
import { buildComparison, ComparisonRefused } from '../../src/worldforge/benchmarks/compare.ts';
import { comparisonCsv, comparisonMarkdown } from '../../src/worldforge/benchmarks/compare-render.ts';
import { loadBenchmarkData, presetById } from '../../src/worldforge/benchmarks/data.ts';
import { checkBudget } from '../../src/worldforge/benchmarks/gate.ts';
import { retryableAnswers } from '../../src/worldforge/benchmarks/harness.ts';
import { PlanError, planPreset } from '../../src/worldforge/benchmarks/plan.ts';
import { type BenchmarkReport, reportSchema } from '../../src/worldforge/benchmarks/report-schema.ts';
import { runPreset } from '../../src/worldforge/benchmarks/run.ts';
import { estimate } from '../../src/worldforge/benchmarks/stats.ts';
import { canonicalJson } from '../../src/worldforge/digest.ts';
import { REPO_ROOT } from '../../src/worldforge/evidence/suite/repo.ts';
import { buildBenchmarksEvidence } from '../../src/worldforge/kinds/benchmarks/suite.ts';

const data = loadBenchmarkData(REPO_ROOT);
const quick = { iterations: 3, samples: 2, warmup_iterations: 1 };

async function run(
  presetId: string,
  filter: { provider?: string; operation?: string } = {},
  budgetPath?: string | null,
): Promise<BenchmarkReport> {
  return runPreset(presetById(data, presetId), data, {
    root: REPO_ROOT,
    presetPath: `content/benchmarks/presets/${presetId}.json`,
    budgetPath,
    filter,
    shape: quick,
    env: {},
    command: `npx worldforge benchmark run --preset ${presetId}`,
  });
}

const loaded = (label: string, report: BenchmarkReport) => ({ label, sha256: `sha256:${'0'.repeat(63)}${label.length % 10}`, report });

describe('benchmark presets and plans', () => {
  it('defines the five presets', () => {
    expect(data.presets.map((p) => p.value.id).sort()).toEqual([
      'mock-smoke',
      'parser-overhead',
      'prepared-host',
      'release-evidence',
      'remote-media-replay',
    ]);
  });

  it('gives each prepared-host provider a typed skip naming its missing prerequisites when its runtime is not configured', () => {
    const plan = planPreset(presetById(data, 'prepared-host'), data, { env: {} });
    // The catalog's bridge providers (score: leworldmodel, jepa; policy: lerobot), each skipped.
    expect(plan.map((i) => [i.kind, i.provider, i.operation])).toEqual([
      ['skip', 'leworldmodel', 'score'],
      ['skip', 'jepa', 'score'],
      ['skip', 'lerobot', 'policy'],
    ]);
    for (const item of plan)
      expect(item).toMatchObject({
        skip_reason: 'missing_runtime',
        missing_prerequisite: expect.stringMatching(/needs [A-Z_]+.*_RUNTIME_COMMAND.*prepared-host runtime is not configured/),
      });
  });

  it('measures named providers on what they advertise and refuses filters that select nothing', () => {
    const plan = planPreset(presetById(data, 'remote-media-replay'), data, { env: {} });
    expect(plan.map((i) => `${i.provider}/${i.operation}`)).toEqual(['runway/generate', 'runway/transfer', 'cosmos/generate']);
    expect(() =>
      planPreset(presetById(data, 'remote-media-replay'), data, { filter: { provider: 'cosmos', operation: 'transfer' } }),
    ).toThrow(PlanError);
    expect(() => planPreset(presetById(data, 'mock-smoke'), data, { filter: { operation: 'score' } })).toThrow(
      /measures predict, generate, embed/,
    );
  });
});

describe('benchmark runs', () => {
  it('counts every measured call, its events, and passes the mock-smoke budget', async () => {
    const report = await run('mock-smoke');
    expect(reportSchema().parse(report)).toBeTruthy();
    for (const r of report.results) {
      expect(r).toMatchObject({ status: 'measured', call_count: 6, success_count: 6, error_count: 0, event_count: 6, retry_count: 0 });
      expect(r.sample_runs).toHaveLength(2);
      expect(r.metrics!.mean_latency_ms.median).toBeGreaterThan(0);
    }
    expect(report.gate).toMatchObject({ passed: true, budget: 'content/benchmarks/budgets/mock-smoke.json' });
    expect(report.environment.cpu_count).toBeGreaterThan(0);
  });

  it('fails a tight budget naming operation, metric, threshold and observed value, and a budget matching nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-budget-'));
    const tight = join(dir, 'tight.json');
    const budget: BudgetFile = {
      schema: 'worldforge.benchmark-budget@1',
      description: 'Deliberately tight for the test.',
      budgets: [
        { provider: 'mock', operation: 'generate', max_mean_latency_ms: 0 },
        { provider: 'nobody', min_success_rate: 1 },
      ],
      history: [],
    };
    writeFileSync(tight, JSON.stringify(budget));
    const report = await run('mock-smoke', {}, tight);
    const failed = report.gate!.checks.filter((c) => !c.passed);
    expect(failed).toEqual([
      expect.objectContaining({
        selector: 'mock/generate',
        operation: 'generate',
        metric: 'mean_latency_ms',
        condition: '<= 0',
        bound: expect.any(Object),
      }),
      expect.objectContaining({ selector: 'nobody/*', metric: 'matching_results', observed: 0 }),
    ]);
    expect(report.gate!.budget).toBe('tight.json');
  });

  it('replays remote providers on loopback and measures the validation overhead of in-process ones', async () => {
    const remote = await run('remote-media-replay', { provider: 'runway', operation: 'transfer' });
    expect(remote.results[0]).toMatchObject({
      provider: 'runway',
      operation: 'transfer',
      success_count: 6,
      error_count: 0,
      validation_overhead: null,
    });
    expect(remote.gate?.passed).toBe(true);
    const overhead = await run('parser-overhead', { operation: 'embed' });
    const figure = overhead.results[0]!.validation_overhead!;
    expect(figure.raw_median_ms.median).toBeGreaterThan(0);
    expect(figure.validated_median_ms.median).toBeGreaterThan(0);
  });

  it('counts retryable answers of the replay script', () => {
    const interactions = [
      { method: 'GET' as const, path: '/t', status: 503, headers: {} },
      { method: 'GET' as const, path: '/t', status: 200, headers: {} },
    ];
    const seen = [1, 2, 3].map(() => ({ method: 'GET', path: '/t', had_query: false, bearer: false, runway_version: null }));
    expect(retryableAnswers(interactions, seen)).toBe(2);
  });
});

describe('the gate on medians', () => {
  // Budget calibrated at 1 ms × 1.25 headroom. One slow sample is noise; a real 2× regression moves the median.
  const entries = [{ operation: 'generate' as const, max_mean_latency_ms: 1.25 }];
  const rowOf = (samples: number[]) => {
    const e = estimate(samples);
    return { provider: 'mock', operation: 'generate', values: { mean_latency_ms: { observed: e.median, bound: e } } };
  };

  it('passes noise: one outlier among five samples', () => {
    expect(checkBudget(entries, [rowOf([1.0, 1.1, 0.9, 1.05, 5.0])])[0]).toMatchObject({
      passed: true,
      observed: 1.05,
      bound: { low: 0.9, high: 5, confidence: 0.9375 },
    });
  });

  it('fails a 2× regression', () => {
    expect(checkBudget(entries, [rowOf([2.0, 2.1, 1.9, 2.05, 2.2])])[0]).toMatchObject({ passed: false, observed: 2.05 });
  });

  it('states the coverage of the interval it reports', () => {
    expect(estimate([3])).toEqual({ median: 3, low: 3, high: 3, confidence: 0 });
    expect(estimate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('calibration', () => {
  it('writes a candidate from two reports with digests, diffs and review_required, and refuses loosening without acceptance', async () => {
    const reports = [
      loaded('a.json', await run('mock-smoke', { operation: 'generate' })),
      loaded('b.json', await run('mock-smoke', { operation: 'generate' })),
    ];
    const current: BudgetFile = {
      schema: 'worldforge.benchmark-budget@1',
      description: 'A tight budget to be loosened.',
      budgets: [{ provider: 'mock', operation: 'generate', max_mean_latency_ms: 0.000_001, max_error_count: 0 }],
      history: [],
    };
    const candidate = calibrate({
      reports,
      current: { path: 'tight.json', sha256: `sha256:${'a'.repeat(64)}`, file: current },
      headroom: 0.25,
    });
    expect(candidate).toMatchObject({ review_required: true, preset: 'mock-smoke', current_budget: { path: 'tight.json' } });
    expect(candidate.source_reports.map((r) => r.path)).toEqual(['a.json', 'b.json']);
    const latency = candidate.diffs.find((d) => d.key === 'max_mean_latency_ms')!;
    const worst = Math.max(...reports.map((r) => r.report.results[0]!.metrics!.mean_latency_ms.median));
    expect(latency).toMatchObject({ old_threshold: 0.000_001, observed_baseline: worst, loosens: true });
    expect(latency.candidate_threshold).toBeCloseTo(worst * 1.25, 3);
    expect(candidate.diffs.find((d) => d.key === 'max_error_count')).toMatchObject({ candidate_threshold: 0, loosens: false });

    const sha = `sha256:${'a'.repeat(64)}`;
    expect(applyRefusal(candidate, sha, { acceptLoosening: false })).toMatch(/loosens 1 threshold.*--accept-loosening --rationale/);
    expect(applyRefusal(candidate, sha, { acceptLoosening: true })).toMatch(/--rationale/);
    expect(applyRefusal(candidate, `sha256:${'b'.repeat(64)}`, { acceptLoosening: true, rationale: 'x' })).toMatch(/changed since/);
    expect(applyRefusal(candidate, sha, { acceptLoosening: true, rationale: 'below timer resolution' })).toBeNull();
    const next = appliedBudget(current, candidate, `sha256:${'c'.repeat(64)}`, 'below timer resolution', new Date('2026-12-01T00:00:00Z'));
    expect(next.history).toEqual([
      {
        date: '2026-12-01',
        candidate_sha256: `sha256:${'c'.repeat(64)}`,
        loosened: ['mock/generate max_mean_latency_ms'],
        rationale: 'below timer resolution',
      },
    ]);
  });
});

describe('comparison', () => {
  it('compares mock and runway generate on one input, keeping skips and missing results as rows', async () => {
    const mock = loaded('mock.json', await run('mock-smoke', { operation: 'generate' }));
    const remote = loaded('remote.json', await run('remote-media-replay'));
    const comparison = buildComparison([mock, remote]);
    const generate = comparison.groups.find((g) => g.operation === 'generate')!;
    expect(generate.rows.map((r) => `${r.report}:${r.provider}:${r.status}`)).toEqual([
      'mock.json:mock:measured',
      'remote.json:runway:measured',
      'remote.json:cosmos:measured',
    ]);
    expect(generate.rows[1]!.ratio_mean).toBeGreaterThan(0);
    const transfer = comparison.groups.find((g) => g.operation === 'transfer')!;
    expect(transfer.rows.map((r) => r.status)).toEqual(['missing', 'measured']);
    const md = comparisonMarkdown(comparison);
    expect(md).toContain('not a ranking of providers across tasks');
    expect(md).toContain('no claim about output quality');
    expect(comparisonCsv(comparison).split('\n')[0]).toMatch(/^operation,capability,fixture_digest,suite_version,report,provider/);
    const skipped = buildComparison([loaded('host.json', await run('prepared-host'))]);
    expect(skipped.groups.flatMap((g) => g.rows.map((r) => r.status))).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('refuses generate vs transfer, different inputs and different suite versions, naming the mismatch', async () => {
    const generate = loaded('gen.json', await run('remote-media-replay', { provider: 'runway', operation: 'generate' }));
    const transfer = loaded('tr.json', await run('remote-media-replay', { provider: 'runway', operation: 'transfer' }));
    expect(() => buildComparison([generate, transfer])).toThrow(
      new ComparisonRefused(
        'capability mismatch: gen.json covers generate; tr.json covers transfer — no operation in common, nothing to compare',
      ),
    );
    const otherInput = structuredClone(generate.report);
    otherInput.results[0]!.fixture_digest = `sha256:${'f'.repeat(64)}`;
    expect(() => buildComparison([generate, loaded('other.json', otherInput)])).toThrow(/fixture mismatch for generate/);
    expect(() => buildComparison([generate, loaded('v2.json', { ...generate.report, suite_version: '2' })])).toThrow(/suite mismatch/);
  });
});

describe('benchmarks evidence', () => {
  it('is deterministic and carries no timings', async () => {
    const first = canonicalJson(await buildBenchmarksEvidence('release-evidence', data));
    const second = canonicalJson(await buildBenchmarksEvidence('release-evidence', data));
    expect(second).toBe(first);
    // Thresholds (max_mean_latency_ms: 100) are budget inputs; measured values never appear.
    expect(first).not.toMatch(/"(min_ms|mean_ms|median_ms|p95_ms|max_ms|observed|bound|sample_runs|metrics|generated_at_ms)"/);
    const doc = JSON.parse(first);
    expect(doc.status).toBe('passed');
    expect(doc.body.verdict.checks.some((c: { source: string }) => c.source === 'baseline')).toBe(true);
  });

  it('is a typed skip for prepared-host', async () => {
    const doc = await buildBenchmarksEvidence('prepared-host', data);
    expect(doc).toMatchObject({ status: 'skipped', skip_reason: 'missing_runtime' });
  });
});
