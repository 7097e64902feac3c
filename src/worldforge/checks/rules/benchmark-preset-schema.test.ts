import { describe, expect, it } from 'vitest';
import { readBenchmarkFiles } from '../../benchmarks/data.ts';
import { REPO_ROOT } from '../../evidence/suite/repo.ts';
import { brief, runRule } from '../testing.ts';
import rule from './benchmark-preset-schema.ts';

const PRESET = 'content/benchmarks/presets/mock-smoke.json';

describe('benchmark-preset-schema', () => {
  it('reports an unknown field, a missing input, an operation without a request and an unknown provider', () => {
    const content = readBenchmarkFiles(REPO_ROOT);
    const preset = JSON.parse(content.get(PRESET)!);
    content.set(
      PRESET,
      JSON.stringify({
        ...preset,
        extra: 1,
      }),
    );
    content.set(
      'content/benchmarks/presets/broken.json',
      JSON.stringify({
        ...preset,
        id: 'broken',
        command: 'npx worldforge benchmark run --preset broken',
        inputs: ['content/benchmarks/inputs/nope.json'],
        providers: { kind: 'named', names: ['ghost'] },
      }),
    );
    const findings = runRule(rule, { content });
    expect(brief(findings)).toEqual([
      'error benchmark-preset-schema content/benchmarks/presets/broken.json:- [inputs.0]',
      'error benchmark-preset-schema content/benchmarks/presets/broken.json:- [operations.0]',
      'error benchmark-preset-schema content/benchmarks/presets/broken.json:- [operations.1]',
      'error benchmark-preset-schema content/benchmarks/presets/broken.json:- [operations.2]',
      'error benchmark-preset-schema content/benchmarks/presets/broken.json:- [providers.names.0]',
      'error benchmark-preset-schema content/benchmarks/presets/mock-smoke.json:- [(root)]',
    ]);
    expect(findings.at(-1)!.found).toBe("unknown field 'extra'");
  });

  it('does not flag the committed presets and inputs', () => {
    expect(runRule(rule, { content: readBenchmarkFiles(REPO_ROOT) })).toEqual([]);
  });
});
