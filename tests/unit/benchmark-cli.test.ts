/**
 * The benchmark CLI end to end, in a throwaway copy of the repository (it writes run folders):
 * `benchmark list` shows the five presets, `benchmark run --preset mock-smoke` exits 0 with no
 * network and leaves its report in the run workspace, and a deliberately tight budget exits 1
 * naming operation, metric, threshold, observed value, budget selector and report path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/worldforge/benchmarks/report-schema.ts';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy;
beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo.remove());

describe('worldforge benchmark', () => {
  it('lists the five presets with their command, success signal and failure conditions', () => {
    const { code, stdout } = repo.cli('benchmark', 'list', '--json');
    expect(code).toBe(0);
    const presets = JSON.parse(stdout) as { id: string; command: string; success_signal: string; may_fail_when: string }[];
    expect(presets.map((p) => p.id)).toEqual(['mock-smoke', 'parser-overhead', 'prepared-host', 'release-evidence', 'remote-media-replay']);
    for (const p of presets) expect(p.command).toBe(`npx worldforge benchmark run --preset ${p.id}`);
  });

  it('runs mock-smoke (exit 0) and writes the report into the run workspace; a tight budget exits 1 with the details', async () => {
    const ok = await repo.cliAsync(['benchmark', 'run', '--preset', 'mock-smoke', '--samples', '2']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('budget: passed');
    const reportPath = /report: (\S+)/.exec(ok.stdout)![1]!;
    expect(reportPath).toMatch(/^\.worldforge\/runs\/[^/]+\/reports\/mock-smoke\.json$/);
    expect(reportSchema().parse(JSON.parse(readFileSync(join(repo.root, reportPath), 'utf8'))).preset).toBe('mock-smoke');
    expect(existsSync(join(repo.root, reportPath, '..', '..', 'manifest.json'))).toBe(true);

    repo.write(
      'tight.json',
      JSON.stringify({
        schema: 'worldforge.benchmark-budget@1',
        description: 'Deliberately tight.',
        budgets: [{ operation: 'embed', max_p95_latency_ms: 0 }],
        history: [],
      }),
    );
    const tight = await repo.cliAsync(['benchmark', 'run', '--preset', 'mock-smoke', '--samples', '2', '--budget', 'tight.json']);
    expect(tight.code).toBe(1);
    expect(tight.stdout).toMatch(
      /budget violation: mock\/embed p95_latency_ms observed [\d.]+ \(median of samples; [\d.]+% CI \[[\d.]+, [\d.]+\]\), threshold <= 0, budget \*\/embed in tight\.json; report \.worldforge\/runs\/\S+\/reports\/mock-smoke\.json/,
    );
  });
});
