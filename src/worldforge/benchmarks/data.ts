/**
 * The benchmark data of a checkout, under `content/benchmarks/`: presets, their input files,
 * budgets and preserved baselines. One pure parser over a path → text map serves the check's
 * schema rules (which read the `content` slice), the suite and the CLI, so a file is judged the
 * same way everywhere; every problem names file, field and reason.
 */
import { readTextTree } from '../evidence/read.ts';
import { FixtureCorpusError } from '../fixtures/load.ts';
import type { Problem } from '../problem.ts';
import { CATALOG } from '../providers/catalog.ts';
import { once, oncePer } from '../once.ts';
import { zodIssues } from '../validation.ts';
import { type BudgetFile, budgetFileSchema } from './budget-schema.ts';
import { type BenchmarkInputs, inputsSchema, type Preset, presetSchema } from './preset-schema.ts';
import { type BenchmarkReport, reportSchema } from './report-schema.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

export const BENCHMARKS_DIR = 'content/benchmarks';
export const PRESETS_DIR = `${BENCHMARKS_DIR}/presets`;
export const INPUTS_DIR = `${BENCHMARKS_DIR}/inputs`;
export const BUDGETS_DIR = `${BENCHMARKS_DIR}/budgets`;
export const BASELINES_DIR = `${BENCHMARKS_DIR}/baselines`;

/** Repository path of a preset's preserved baseline. */
export const baselinePath = (preset: string) => `${BASELINES_DIR}/${preset}.json`;

type RuleTag = 'benchmark-preset-schema' | 'benchmark-budget-schema' | 'benchmark-baseline-schema';

export interface Located<T> {
  path: string;
  value: T;
}

export interface BenchmarkData {
  presets: Located<Preset>[];
  inputs: Map<string, BenchmarkInputs>;
  budgets: Map<string, BudgetFile>;
  /** Baselines keyed by preset id. */
  baselines: Map<string, Located<BenchmarkReport>>;
  problems: Problem[];
}

const fileName = (path: string) =>
  path
    .split('/')
    .at(-1)!
    .replace(/\.json$/, '');
const inFolder = (path: string, folder: string) =>
  path.startsWith(`${folder}/`) && path.endsWith('.json') && !path.slice(folder.length + 1).includes('/');

function parseWith<T>(
  path: string,
  text: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').z.ZodError } },
  rule: RuleTag,
  problems: Problem[],
): T | null {
  let raw: unknown;
  try {
    raw = strictJsonValue(text, path);
  } catch (error) {
    problems.push({ file: path, field: '(root)', reason: jsonFailure(error), rule });
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of zodIssues(parsed.error, raw)) problems.push({ file: path, field: issue.path, reason: issue.message, rule });
    return null;
  }
  return parsed.data;
}

/** Parses every benchmark file of `files` (repository-relative paths → text; other paths are ignored). */
/** One parse-only instance of each schema (building a zod schema costs more than using it). */
const shared = {
  inputsSchema: once(inputsSchema),
  budgetFileSchema: once(budgetFileSchema),
  presetSchema: once(presetSchema),
  reportSchema: once(reportSchema),
};

export const parseBenchmarkData: (files: ReadonlyMap<string, string>) => BenchmarkData = oncePer(parseBenchmarkFiles);

function parseBenchmarkFiles(files: ReadonlyMap<string, string>): BenchmarkData {
  const problems: Problem[] = [];
  const sorted = [...files].filter(([path]) => path.startsWith(`${BENCHMARKS_DIR}/`)).sort(([a], [b]) => a.localeCompare(b));
  const inputs = new Map<string, BenchmarkInputs>();
  const budgets = new Map<string, BudgetFile>();
  const presets: Located<Preset>[] = [];
  const baselines = new Map<string, Located<BenchmarkReport>>();
  for (const [path, text] of sorted) {
    if (inFolder(path, INPUTS_DIR)) {
      const value = parseWith(path, text, shared.inputsSchema(), 'benchmark-preset-schema', problems);
      if (value) inputs.set(path, value);
    } else if (inFolder(path, BUDGETS_DIR)) {
      const value = parseWith(path, text, shared.budgetFileSchema(), 'benchmark-budget-schema', problems);
      if (value) budgets.set(path, value);
    }
  }
  for (const [path, text] of sorted) {
    if (!inFolder(path, PRESETS_DIR)) continue;
    const value = parseWith(path, text, shared.presetSchema(), 'benchmark-preset-schema', problems);
    if (!value) continue;
    const before = problems.length;
    problems.push(...presetReferenceProblems(path, value, inputs, files));
    if (problems.length === before) presets.push({ path, value });
  }
  for (const [path, text] of sorted) {
    if (!inFolder(path, BASELINES_DIR)) continue;
    const value = parseWith(path, text, shared.reportSchema(), 'benchmark-baseline-schema', problems);
    if (!value) continue;
    const problem = (field: string, reason: string) => problems.push({ file: path, field, reason, rule: 'benchmark-baseline-schema' });
    if (value.preset !== fileName(path)) problem('preset', `is '${value.preset}' but the file is named ${fileName(path)}.json`);
    else if (!presets.some((p) => p.value.id === value.preset)) problem('preset', `no preset '${value.preset}' in ${PRESETS_DIR}/`);
    else baselines.set(value.preset, { path, value });
  }
  return { presets, inputs, budgets, baselines, problems };
}

/** Cross-file problems of one preset: its id, inputs, budget and providers must exist and fit. */
function presetReferenceProblems(
  path: string,
  preset: Preset,
  inputs: ReadonlyMap<string, BenchmarkInputs>,
  files: ReadonlyMap<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, reason: string, hint?: string) =>
    problems.push({ file: path, field, reason, rule: 'benchmark-preset-schema', ...(hint ? { hint } : {}) });
  if (preset.id !== fileName(path)) problem('id', `is '${preset.id}' but the file is named ${fileName(path)}.json`);
  preset.inputs.forEach((input, i) => {
    if (!inFolder(input, INPUTS_DIR)) problem(`inputs.${i}`, `${input} is not a file in ${INPUTS_DIR}/`);
    else if (!files.has(input)) problem(`inputs.${i}`, `${input} does not exist`);
  });
  preset.operations.forEach((operation, i) => {
    const holders = preset.inputs.filter((input) => inputs.get(input)?.requests[operation] !== undefined);
    if (holders.length !== 1) {
      problem(
        `operations.${i}`,
        holders.length === 0 ? `no input file holds a '${operation}' request` : `'${operation}' has a request in ${holders.join(' and ')}`,
        `give exactly one of ${preset.inputs.join(', ')} a requests.${operation}`,
      );
    }
  });
  if (preset.budget !== null) {
    if (!inFolder(preset.budget, BUDGETS_DIR)) problem('budget', `${preset.budget} is not a file in ${BUDGETS_DIR}/`);
    else if (!files.has(preset.budget)) problem('budget', `${preset.budget} does not exist`);
  }
  if (preset.providers.kind === 'named') {
    preset.providers.names.forEach((name, i) => {
      if (!CATALOG[name]) problem(`providers.names.${i}`, `'${name}' is not a catalog provider (${Object.keys(CATALOG).join(', ')})`);
    });
  }
  return problems;
}

/** Every benchmark file of the checkout at `root`, keyed by repository-relative path. */
export function readBenchmarkFiles(root: string): Map<string, string> {
  return new Map([...readTextTree(`${root}/${BENCHMARKS_DIR}`, /\.json$/)].map(([path, text]) => [`${BENCHMARKS_DIR}/${path}`, text]));
}

/** The benchmark data of the checkout at `root`; throws one error listing every problem when any file is invalid. */
export function loadBenchmarkData(root: string): BenchmarkData {
  const data = parseBenchmarkData(readBenchmarkFiles(root));
  if (data.problems.length) throw new FixtureCorpusError(data.problems, `The benchmark data under ${BENCHMARKS_DIR}/ is invalid`);
  return data;
}

/** A preset by id, or an error naming the known ones. */
export function presetById(data: BenchmarkData, id: string): Preset {
  const found = data.presets.find((p) => p.value.id === id);
  if (!found) throw new UnknownPresetError(`unknown preset '${id}'. Known: ${data.presets.map((p) => p.value.id).join(', ')}`);
  return found.value;
}

export class UnknownPresetError extends Error {}
