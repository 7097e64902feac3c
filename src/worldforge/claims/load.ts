/**
 * Loads YAML data files (claims, known gaps) with line numbers, so every problem can be reported
 * as file:line, field, reason. Reads sources only; never depends on rendering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../problem.ts';
import { zodIssues } from '../validation.ts';
import { claimsFileSchema, knownGapsFileSchema, type Claim, type KnownGap } from './schema.ts';

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

interface ParsedYaml<T> {
  value: T | null;
  problems: DataProblem[];
  /** 1-based line of the node at `path`, or of the nearest existing parent. */
  lineOf: (path: readonly (string | number)[]) => number;
}

export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>): ParsedYaml<T> {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (path: readonly (string | number)[]) => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  if (doc.errors.length) {
    return {
      value: null,
      lineOf,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? null,
        column: e.linePos?.[0]?.col ?? null,
        field: '(yaml)',
        reason: e.message.split('\n')[0]!,
      })),
    };
  }
  const json = doc.toJS();
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data, problems: [], lineOf };
  const issues = zodIssues(parsed.error, json);
  return {
    value: null,
    lineOf,
    problems: parsed.error.issues.map((issue, i) => ({
      file,
      line: lineOf(issue.path.map((p) => (typeof p === 'number' ? p : String(p)))),
      field: issues[i]!.path,
      reason: issues[i]!.message,
    })),
  };
}

export interface ClaimSet {
  claims: Located<Claim>[];
  problems: DataProblem[];
}

/** Claim rows of the given claims files (path and YAML text), with locations and problems. */
export function parseClaims(files: readonly { file: string; text: string }[]): ClaimSet {
  const claims: Located<Claim>[] = [];
  const problems: DataProblem[] = [];
  for (const { file, text } of files) {
    const parsed = parseYaml(file, text, claimsFileSchema());
    problems.push(...parsed.problems);
    for (const [i, claim] of (parsed.value?.claims ?? []).entries()) {
      claims.push({
        value: claim,
        file,
        line: parsed.lineOf(['claims', i]),
        fieldLines: Object.fromEntries(Object.keys(claim).map((key) => [key, parsed.lineOf(['claims', i, key])])),
        refLines: claim.evidence.map((_, j) => parsed.lineOf(['claims', i, 'evidence', j])),
      });
    }
  }
  return { claims, problems };
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
}

/** Known gaps of a known-gaps file's YAML text (`file` is where problems point). */
export function parseKnownGaps(text: string, file = KNOWN_GAPS_FILE): GapSet {
  const parsed = parseYaml(file, text, knownGapsFileSchema());
  return {
    gaps: (parsed.value?.gaps ?? []).map((gap, i) => ({ value: gap, file, line: parsed.lineOf(['gaps', i]) })),
    problems: parsed.problems,
  };
}

/** The accepted known gaps of content/claims/known-gaps.yaml (none when the file is absent). */
export function loadKnownGaps(root: string): GapSet {
  let text: string;
  try {
    text = readFileSync(join(root, KNOWN_GAPS_FILE), 'utf8');
  } catch {
    return { gaps: [], problems: [] };
  }
  return parseKnownGaps(text);
}
