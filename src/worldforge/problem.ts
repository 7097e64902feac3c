/**
 * The one problem shape every loader of authored input returns: claims and known gaps (YAML),
 * selection and design records (Markdown frontmatter), capability and scene fixtures and recorded
 * exchanges (JSON). A problem says where (file, line, field), what is wrong, and optionally what
 * was expected, how to fix it and which check rule it belongs to. `problemFinding` turns one into
 * a check finding, so every loader's problems read alike in `npm run check`, the CLI and the site.
 */
import type { FindingDraft } from './checks/finding.ts';
import type { RuleId } from './checks/rules.ts';
import { countOf } from './text.ts';

export interface Problem {
  /** Repository-relative (or as given) path of the file. */
  file: string;
  /** 1-based line, when the format keeps positions (YAML, frontmatter); absent for JSON inputs. */
  line?: number | null;
  /** 1-based column, when known. */
  column?: number | null;
  /** Dotted field path (`candidates.3.decision`), or a marker such as `(root)`, `(yaml)`, `(body)`. */
  field: string;
  /** What is wrong: the value found, or why it is refused. */
  reason: string;
  /** What the file should hold instead, when the loader knows more than its rule's default. */
  expected?: string;
  /** The specific edit that resolves it; the finding's fix (else the rule's generic fix). */
  hint?: string;
  /** The check rule that reports it, when the loader serves several rules. */
  rule?: RuleId;
}

/**
 * Thrown by loaders whose callers cannot go on without valid input (the suites need the fixture
 * corpus and the recorded exchanges). It carries every problem, not just the first, so the check
 * can report them all as findings and the CLI can list them before exiting with code 2.
 */
export class ProblemError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    summary: string,
  ) {
    super(`${summary} (${countOf(problems.length, 'problem')}):\n${problems.map((p) => `  ${problemLine(p)}`).join('\n')}`);
    this.name = 'ProblemError';
  }
}

/** `file[:line]: field: reason`, the one-line form loaders print. */
export function problemLine(problem: Problem): string {
  return `${problem.line ? `${problem.file}:${problem.line}` : problem.file}: ${problem.field}: ${problem.reason}`;
}

/**
 * A problem as a check finding: the field is the subject id, the reason what was found, the hint
 * the fix. `expected` is the rule's wording for problems that do not say what they expected.
 */
export function problemFinding(problem: Problem, expected: string): FindingDraft {
  return {
    file: problem.file,
    line: problem.line ?? null,
    id: problem.field,
    expected: problem.expected ?? expected,
    found: problem.reason,
    fix: problem.hint || undefined,
  };
}

/** Orders problems by file, line, rule and field: the order every problem list is printed in. */
export const byPosition = (a: Problem, b: Problem): number =>
  a.file.localeCompare(b.file) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.rule ?? '').localeCompare(b.rule ?? '') ||
  a.field.localeCompare(b.field);
