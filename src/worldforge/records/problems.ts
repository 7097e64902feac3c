/**
 * Record problems, in the shared problem shape: what the loader (structure) and the record rules
 * report for a record — file:line, field, the rule, what was expected, what was found and a hint.
 * Schema issues go through the shared `zodIssues` wording, with per-field help for authors.
 */
import type { z } from 'zod';
import type { RuleId } from '../checks/rules.ts';
import type { Problem } from '../problem.ts';
import { formatPath, MISSING, valueAt, zodIssues } from '../validation.ts';
import { lineOfPath, type ParsedMarkdown } from './frontmatter.ts';
import { ROUTES } from '../site/routes.ts';
import { CRITERION_IDS, SELECTION_DECISIONS } from './rubric.ts';

/**
 * A record problem always says what was expected and how to fix it. `depends` names the quarantine
 * keys (files, `page:<route>`) its verdict rests on, so it is not reported while one of them is
 * itself broken (see checks/quarantine.ts).
 */
export type RecordProblem = Problem & { line: number | null; expected: string; hint: string; depends?: readonly string[] };

interface Help {
  expected: string;
  hint: string;
}

/** Help for schema issues, by field path with array indexes replaced by `*`. */
const FIELD_HELP: Record<string, Help> = {
  id: {
    expected: 'the file name without .md (lower-case letters, digits, dashes)',
    hint: 'claims cite the record by this id; keep it equal to the file name',
  },
  title: { expected: 'a heading of at least 5 characters', hint: 'add `title:`' },
  cohort: { expected: 'a cohort id such as cohort-1', hint: 'add `cohort:` (lower-case letters, digits, dashes)' },
  decision_date: {
    expected: 'the decision date as YYYY-MM-DD',
    hint: 'write the date the decision was taken, e.g. decision_date: 2026-11-26',
  },
  summary: { expected: 'one paragraph (≥ 20 characters)', hint: 'add `summary:` saying what was decided and why now' },
  candidates: {
    expected: 'a list of at least one candidate',
    hint: 'add `candidates:`; `npx worldforge selection new` writes a complete example',
  },
  'candidates.*.id': {
    expected: 'a candidate id (lower-case letters, digits, dashes)',
    hint: 'claims cite candidates as selection-records/<record>#<candidate>',
  },
  'candidates.*.capabilities': {
    expected: 'a list of existing capabilities (predict, generate, transfer, reason, embed, score, policy)',
    hint: 'a candidate that fits no capability scores 0 on capability clarity',
  },
  'candidates.*.runtime_ownership': {
    expected: 'checkout-safe | remote-api | prepared-host | none',
    hint: 'who owns the runtime: the same vocabulary as provider profiles',
  },
  'candidates.*.scores': {
    expected: `one 0–2 score for each of ${CRITERION_IDS.join(', ')}`,
    hint: `score every criterion of the rubric (${ROUTES.selectionRubric})`,
  },
  'candidates.*.scores.*': { expected: 'an integer 0, 1 or 2', hint: `see what each point means on ${ROUTES.selectionRubric}` },
  'candidates.*.decision': { expected: SELECTION_DECISIONS.join(' | '), hint: 'the band of the computed score suggests the decision' },
  'candidates.*.blocker': { expected: 'a concrete blocker (≥ 10 characters)', hint: 'name what is missing upstream or on the host' },
  'candidates.*.revisit_trigger': {
    expected: 'a concrete revisit trigger (≥ 10 characters)',
    hint: 'name the observable event that reopens the decision',
  },
  'candidates.*.override_reason': { expected: 'a reason (≥ 10 characters)', hint: 'say why the decision departs from the score band' },
};

const normalize = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');

function helpFor(path: readonly PropertyKey[], issue: z.core.$ZodIssue): Help {
  if (issue.code === 'unrecognized_keys' && issue.keys.includes('total')) {
    return {
      expected: 'no total: it is computed from the scores',
      hint: 'remove `total:`; the page and the band rule compute it from `scores`',
    };
  }
  if (issue.code === 'unrecognized_keys') {
    return { expected: 'only the documented fields', hint: 'remove or rename the unknown field (field names are snake_case)' };
  }
  const key = normalize(path);
  const parent = key.replace(/\.[^.]+$/, '.*');
  return (
    FIELD_HELP[key] ??
    FIELD_HELP[parent] ?? {
      expected: `a valid ${formatPath(path)}`,
      hint: 'compare with a record written by `npx worldforge selection new`',
    }
  );
}

/** Turns a zod error on a record's frontmatter into problems of `schemaRule`, with file lines. */
export function problemsFromZod(
  error: z.ZodError,
  data: unknown,
  file: string,
  parsed: ParsedMarkdown,
  schemaRule: RuleId,
): RecordProblem[] {
  const messages = zodIssues(error, data);
  return error.issues.map((issue, k) => {
    // An unknown key is reported on its object; point at the key itself.
    const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
    const help = helpFor(issue.path, issue);
    const found = messages[k]!.message;
    // Some zod messages (unions, refinements) do not quote the value; the author needs to see it.
    const value = valueAt(data, issue.path);
    const quoted =
      /found|unknown field/.test(found) || value === MISSING || value === undefined ? found : `${found} (found ${JSON.stringify(value)})`;
    return {
      rule: schemaRule,
      file,
      line: lineOfPath(parsed, path),
      field: formatPath(path),
      expected: help.expected,
      reason: quoted,
      hint: help.hint,
    };
  });
}

/** A problem at `path` of a loaded record's frontmatter, located through its YAML positions. */
export function fieldProblem(
  record: { path: string; parsed: ParsedMarkdown },
  path: readonly PropertyKey[],
  problem: Pick<RecordProblem, 'reason' | 'expected' | 'hint'>,
): RecordProblem {
  return { file: record.path, line: lineOfPath(record.parsed, path), field: formatPath(path), ...problem };
}
