/** benchmark-preset-schema: benchmark presets and their input files validate and reference what exists. */
import { parseBenchmarkData } from '../../benchmarks/data.ts';
import { problemFinding } from '../../problem.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'benchmark-preset-schema',
  title: 'Benchmark presets and inputs are well formed',
  why: 'A preset (content/benchmarks/presets/<id>.json) is the definition `benchmark run`, the benchmarks evidence and the /benchmarks/ pages share. A misspelt field, an input file that does not exist, an operation without exactly one request, an unknown provider or a budget that is missing would make the suite measure something other than what the preset says, so every such problem is reported with its file and field.',
  fix: 'Fix the named field of the preset or input file (see the Benchmarks section of the architecture page), then run `npm run evidence`.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] =>
    parseBenchmarkData(content)
      .problems.filter((p) => p.rule === 'benchmark-preset-schema')
      .map((p) => problemFinding(p, 'a well-formed benchmark preset or input file')),
});
