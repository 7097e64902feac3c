/**
 * Loads YAML data files (claims, known gaps) with line numbers, so every problem can be reported
 * as file:line, field, reason. Reads sources only; never depends on rendering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../problem.ts';
import { once } from '../once.ts';
import { zodIssues } from '../validation.ts';
import { parseYamlSafe } from '../safe-yaml.ts';
import { claimSchema, claimsFileShape, type Claim, type KnownGap, knownGapSchema, knownGapsFileShape } from './schema.ts';

// One schema instance per process for the many claims files (building a zod 4 schema costs more
// than parsing a file with it); the factories stay for callers that extend them.
const claimRow = once(claimSchema);
const claimsFile = once(claimsFileShape);
const knownGapRow = once(knownGapSchema);
const knownGapsFile = once(knownGapsFileShape);

export const CLAIMS_DIR = 'content/claims';
export const KNOWN_GAPS_FILE = `${CLAIMS_DIR}/known-gaps.yaml`;

/** A claims or known-gaps problem, located at the line of its field (or nearest parent); null only for YAML errors without a position. */
export type DataProblem = Problem & { line: number | null };

export interface Located<T> {
  value: T;
  file: string;
  /** Line of the row. */
  line: number;
  /** Line of each field of the row that is present. */
  fieldLines?: Record<string, number>;
  /** Line of each evidence ref, in order (claims only). */
  refLines?: number[];
}

/**
 * A row (or a whole file) that failed its schema and was left out: its problems and what the
 * other rows may have needed from it, read from the raw data as far as it can be read.
 */
export interface RejectedRow {
  file: string;
  /** Line of the row (of the file's first problem for a whole file). */
  line: number | null;
  /** Index of the row in its list, or null when the whole file was refused. */
  index: number | null;
  /** The row's `id` if it is a string (claims and gaps), else null: any id may be the broken one. */
  id: string | null;
  /** Known gaps: the row's `rule` if it is a string. */
  rule?: string | null;
  /** Claims: the refs the row cites, when `evidence` is a list of strings; else null. */
  refs?: readonly string[] | null;
  problems: DataProblem[];
}

interface ParsedYaml {
  /** The plain data, or undefined when the YAML could not be read. */
  value: unknown;
  problems: DataProblem[];
  /** 1-based line of the node at `path`, or of the nearest existing parent. */
  lineOf: (path: readonly (string | number)[]) => number;
}

function readYaml(file: string, text: string): ParsedYaml {
  const { doc, lineCounter, value, problems } = parseYamlSafe(text, file);
  const lineOf = (path: readonly (string | number)[]) => {
    for (let depth = path.length; doc && depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { value, problems: problems.map((p) => ({ ...p, line: p.line ?? null })), lineOf };
}

/**
 * A whole YAML file (e.g. content/roadmap.yaml) read with the safe reader and checked against
 * `schema`: the value, or null with every problem located at its field's line.
 */
export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>) {
  const read = readYaml(file, text);
  if (read.problems.length) return { value: null, problems: read.problems, lineOf: read.lineOf };
  const { data, problems } = schemaProblems(file, read.value, schema, [], read.lineOf);
  return { value: (data as T | undefined) ?? null, problems, lineOf: read.lineOf };
}

/** Problems of `value` against `schema`, located at their fields under `at`. */
function schemaProblems(file: string, value: unknown, schema: z.ZodType, at: (string | number)[], lineOf: ParsedYaml['lineOf']) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, problems: [] as DataProblem[] };
  const issues = zodIssues(parsed.error, value);
  const problems = parsed.error.issues.map((issue, i) => ({
    file,
    line: lineOf([...at, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))]),
    field: [...at, issues[i]!.path].filter((p) => p !== '' && p !== '(root)').join('.') || '(root)',
    reason: issues[i]!.message,
  }));
  return { data: undefined, problems };
}

const stringOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const field = (row: unknown, key: string): unknown => (row && typeof row === 'object' ? (row as Record<string, unknown>)[key] : undefined);

/**
 * The rows of a YAML file `{<list>: [...]}`: each row is validated on its own, so one broken row
 * is rejected alone and the others load. A file whose YAML or outer shape is broken is rejected
 * as a whole (index null).
 */
function parseRows<T>(
  file: string,
  text: string,
  list: string,
  rowSchema: z.ZodType<T>,
  fileShape: z.ZodType,
  describe: (raw: unknown) => Pick<RejectedRow, 'id' | 'rule' | 'refs'>,
): { rows: { value: T; index: number }[]; rejected: RejectedRow[]; lineOf: ParsedYaml['lineOf'] } {
  const yaml = readYaml(file, text);
  const whole = (problems: DataProblem[]): RejectedRow => ({
    file,
    line: problems[0]?.line ?? null,
    index: null,
    id: null,
    rule: null,
    refs: null,
    problems,
  });
  if (yaml.problems.length) return { rows: [], rejected: [whole(yaml.problems)], lineOf: yaml.lineOf };
  const shape = schemaProblems(file, yaml.value, fileShape, [], yaml.lineOf);
  if (shape.problems.length) return { rows: [], rejected: [whole(shape.problems)], lineOf: yaml.lineOf };
  const raws = (yaml.value as Record<string, unknown[]>)[list]!;
  const rows: { value: T; index: number }[] = [];
  const rejected: RejectedRow[] = [];
  raws.forEach((raw, index) => {
    const row = schemaProblems(file, raw, rowSchema, [list, index], yaml.lineOf);
    if (row.problems.length) rejected.push({ file, line: yaml.lineOf([list, index]), index, ...describe(raw), problems: row.problems });
    else rows.push({ value: row.data as T, index });
  });
  return { rows, rejected, lineOf: yaml.lineOf };
}

export interface ClaimSet {
  claims: Located<Claim>[];
  /** Every problem of every file, in file order. */
  problems: DataProblem[];
  /** Rows (or files) left out because they failed their schema; each is reported once by claim-schema. */
  rejected: RejectedRow[];
}

/** The raw refs of a claim row, when `evidence` is a list of strings. */
const rawRefs = (row: unknown): string[] | null => {
  const evidence = field(row, 'evidence');
  if (evidence === undefined) return [];
  return Array.isArray(evidence) && evidence.every((r) => typeof r === 'string') ? evidence : null;
};

/** Claim rows of the given claims files (path and YAML text), with locations and problems. */
export function parseClaims(files: readonly { file: string; text: string }[]): ClaimSet {
  const claims: Located<Claim>[] = [];
  const rejected: RejectedRow[] = [];
  for (const { file, text } of files) {
    const parsed = parseRows(file, text, 'claims', claimRow(), claimsFile(), (raw) => ({
      id: stringOr(field(raw, 'id')),
      refs: rawRefs(raw),
    }));
    rejected.push(...parsed.rejected);
    for (const { value: claim, index: i } of parsed.rows) {
      claims.push({
        value: claim,
        file,
        line: parsed.lineOf(['claims', i]),
        fieldLines: Object.fromEntries(Object.keys(claim).map((key) => [key, parsed.lineOf(['claims', i, key])])),
        refLines: claim.evidence.map((_, j) => parsed.lineOf(['claims', i, 'evidence', j])),
      });
    }
  }
  return { claims, problems: rejected.flatMap((r) => r.problems), rejected };
}

/** Every claim row under content/claims (all `*.yaml` except known-gaps.yaml), with locations. */
export function loadClaims(root: string): ClaimSet {
  let names: string[];
  try {
    names = readdirSync(join(root, CLAIMS_DIR))
      .filter((n) => n.endsWith('.yaml') && `${CLAIMS_DIR}/${n}` !== KNOWN_GAPS_FILE)
      .sort();
  } catch {
    names = [];
  }
  return parseClaims(
    names.map((name) => {
      const file = `${CLAIMS_DIR}/${name}`;
      return { file, text: readFileSync(join(root, file), 'utf8') };
    }),
  );
}

export interface GapSet {
  gaps: Located<KnownGap>[];
  problems: DataProblem[];
  /** Entries left out because they failed their schema. */
  rejected: RejectedRow[];
}

/** Known gaps of a known-gaps file's YAML text (`file` is where problems point). */
export function parseKnownGaps(text: string, file = KNOWN_GAPS_FILE): GapSet {
  const parsed = parseRows(file, text, 'gaps', knownGapRow(), knownGapsFile(), (raw) => ({
    id: stringOr(field(raw, 'id')),
    rule: stringOr(field(raw, 'rule')),
  }));
  return {
    gaps: parsed.rows.map(({ value: gap, index }) => ({ value: gap, file, line: parsed.lineOf(['gaps', index]) })),
    problems: parsed.rejected.flatMap((r) => r.problems),
    rejected: parsed.rejected,
  };
}

/** The accepted known gaps of content/claims/known-gaps.yaml (none when the file is absent). */
export function loadKnownGaps(root: string): GapSet {
  let text: string;
  try {
    text = readFileSync(join(root, KNOWN_GAPS_FILE), 'utf8');
  } catch {
    return { gaps: [], problems: [], rejected: [] };
  }
  return parseKnownGaps(text);
}
