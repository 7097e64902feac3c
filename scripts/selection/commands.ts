/**
 * `worldforge selection check <file>` and `worldforge selection new`. Both run the record rules of
 * the check registry on the one record, so a record that passes here passes `npm run check`, and
 * the problems read the same (file:line, rule, field, expected, found, hint).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { writeFileAtomic } from '../../src/worldforge/atomic.ts';
import { REPO_ROOT } from '../../src/worldforge/evidence/suite/repo.ts';
import type { Finding } from '../../src/worldforge/checks/finding.ts';
import { checkSelectionRecord } from '../../src/worldforge/checks/records-slice.ts';
import { byPosition, type Problem } from '../../src/worldforge/problem.ts';
import { RULES } from '../../src/worldforge/checks/rules.ts';
import { describeHit, redactText, scanFileText } from '../../src/worldforge/redaction.ts';
import { scanCredentials } from '../../src/worldforge/redaction/secretlint.ts';
import { ioReason } from '../cli-errors.ts';
import { parseSelectionRecord, SELECTION_DIR } from '../../src/worldforge/records/load.ts';
import { bandOf, scoreTotal } from '../../src/worldforge/records/rubric.ts';
import { candidatesFromFlags, FlagError, type CandidateFlags } from './flags.ts';
import { promptRecord } from './prompt.ts';
import { renderRecord, type RecordDraft } from './render.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** True when both stdin and stdout are terminals. */
  interactive: boolean;
}

export const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});

/** Repository-relative path when the file is inside the repository, else the path as resolved. */
function displayPath(cwd: string, file: string): { full: string; shown: string } {
  const full = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(REPO_ROOT, full);
  return { full, shown: rel.startsWith('..') || isAbsolute(rel) ? full : rel.split('\\').join('/') };
}

function summaryLine(text: string, path: string): string {
  const record = parseSelectionRecord(path, text).record;
  if (!record) return '';
  const counts = { active: 0, rfc: 0, deferred: 0 };
  for (const c of record.data.candidates) counts[c.decision]++;
  const totals = record.data.candidates.map(
    (c) => `${c.id} ${scoreTotal(c.scores)} (${bandOf(scoreTotal(c.scores)).title.toLowerCase()}) → ${c.decision}`,
  );
  return `${record.data.candidates.length} candidate(s): ${counts.active} active, ${counts.rfc} rfc, ${counts.deferred} deferred\n  ${totals.join('\n  ')}`;
}

/** A record finding as the selection commands print it: a problem whose field is the finding's id and hint its fix. */
type RecordProblem = Required<Pick<Problem, 'rule' | 'expected' | 'hint'>> & Problem & { details?: string | null };

/**
 * The findings of the record rules as problems, by position. Findings are redacted, which would
 * mask a path outside the repository (a draft in /tmp): that file is shown as the user gave it.
 */
function problemsOf(findings: readonly Finding[], shown: string): RecordProblem[] {
  const masked = redactText(shown);
  return findings
    .map((f) => ({
      rule: f.rule,
      file: f.file === masked ? shown : f.file,
      line: f.line,
      field: f.id,
      expected: f.expected,
      reason: f.found,
      hint: f.fix,
      // One finding per broken input lists its other problems here.
      details: f.details,
    }))
    .sort(byPosition);
}

/** `file:line  [rule]  field` then expected / found / hint, one block per problem. */
function formatProblems(problems: readonly RecordProblem[]): string {
  return problems
    .map((p) =>
      [
        `${p.line ? `${p.file}:${p.line}` : p.file}  [${p.rule}]  ${p.field}`,
        `    expected: ${p.expected}`,
        `    found:    ${p.reason}`,
        `    hint:     ${p.hint}`,
        ...(p.details ? p.details.split('\n').map((line) => `    │ ${line}`) : []),
      ].join('\n'),
    )
    .join('\n');
}

function report(io: Io, shown: string, problems: readonly RecordProblem[], text: string, json: boolean): number {
  if (json) {
    // The JSON keys predate the shared problem shape: `found` is the problem's reason.
    const listed = problems.map(({ rule, file, line, field, expected, reason, hint }) => ({
      rule,
      file,
      line,
      field,
      expected,
      found: reason,
      hint,
    }));
    io.out(`${JSON.stringify({ file: shown, ok: problems.length === 0, problems: listed }, null, 2)}\n`);
  } else if (problems.length === 0) {
    io.out(`worldforge selection check: ${shown} ok\n  ${summaryLine(text, shown)}\n`);
  } else {
    io.out(
      `${formatProblems(problems)}\n\nworldforge selection check: ${problems.length} problem(s) in ${shown} (rules: ${[...new Set(problems.map((p) => p.rule))].join(', ')})\n`,
    );
  }
  return problems.length === 0 ? EXIT.ok : EXIT.failed;
}

/**
 * The secret scan `npm run check` runs on content/ (the project's detectors and secretlint's
 * recommended preset, through redaction.ts's `scanFileText`), as problems of
 * the `secret-scan` rule: a record in the repository is published, so a secret in a draft is
 * refused before it is written or committed. Only a masked preview is shown.
 */
async function secretProblems(shown: string, text: string): Promise<RecordProblem[]> {
  const credentials = await scanCredentials([text]);
  return scanFileText(text, credentials).map((hit) => ({
    rule: 'secret-scan',
    file: shown,
    line: hit.line,
    field: `${shown}:${hit.line}`,
    expected: 'no secrets, signed URL queries or host-local paths',
    reason: describeHit(hit),
    hint: RULES['secret-scan'].fix,
  }));
}

/** Problems of one selection record text, with the rules `npm run check` applies (record rules and the secret scan). */
const checkRecord = async (shown: string, text: string) =>
  [...problemsOf(checkSelectionRecord(REPO_ROOT, shown, text), shown), ...(await secretProblems(shown, text))].sort(byPosition);

export async function selectionCheck(io: Io, file: string, options: { json?: boolean }): Promise<number> {
  const { full, shown } = displayPath(io.cwd, file);
  if (!existsSync(full)) {
    io.err(`worldforge selection check: ${shown}: no such file\n`);
    return EXIT.usage;
  }
  if (!statSync(full).isFile()) {
    io.err(`worldforge selection check: ${shown}: not a file; pass one record, e.g. ${SELECTION_DIR}/<id>.md\n`);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    io.err(`worldforge selection check: ${shown}: cannot be read: ${ioReason(error)}\n`);
    return EXIT.usage;
  }
  return report(io, shown, await checkRecord(shown, text), text, Boolean(options.json));
}

export interface NewOptions extends CandidateFlags {
  id?: string;
  title?: string;
  cohort?: string;
  date?: string;
  summary?: string;
  out?: string;
  force?: boolean;
  /** `--no-input`: never prompt, even in a terminal. */
  input?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

function draftFromFlags(options: NewOptions): RecordDraft {
  const missing = (['id', 'title', 'summary'] as const).filter((k) => !options[k]);
  if (missing.length) throw new FlagError(`missing ${missing.map((m) => `--${m}`).join(', ')} (or run in a terminal to be asked)`);
  return {
    id: options.id!,
    title: options.title!,
    cohort: options.cohort ?? options.id!,
    decision_date: options.date ?? today(),
    summary: options.summary!,
    candidates: candidatesFromFlags(options),
  };
}

async function draftFromPrompts(options: NewOptions): Promise<RecordDraft> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const candidates = options.candidate?.length ? candidatesFromFlags(options) : [];
    return await promptRecord(
      (q) => rl.question(q),
      (line) => process.stdout.write(`${line}\n`),
      {
        id: options.id,
        title: options.title,
        cohort: options.cohort,
        decision_date: options.date ?? today(),
        summary: options.summary,
        candidates,
      },
    );
  } finally {
    rl.close();
  }
}

export async function selectionNew(io: Io, options: NewOptions, prompt = draftFromPrompts): Promise<number> {
  let draft: RecordDraft;
  try {
    draft = io.interactive && options.input !== false ? await prompt(options) : draftFromFlags(options);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.err(`worldforge selection new: ${error.message}\n`);
    return EXIT.usage;
  }
  const { full, shown } = displayPath(io.cwd, options.out ?? resolve(REPO_ROOT, SELECTION_DIR, `${draft.id}.md`));
  if (basename(full) !== `${draft.id}.md`) {
    io.err(`worldforge selection new: --out must be named ${draft.id}.md (the record id), found ${basename(full)}\n`);
    return EXIT.usage;
  }
  if (existsSync(full) && !options.force) {
    io.err(`worldforge selection new: ${shown} exists; pass --force to overwrite\n`);
    return EXIT.usage;
  }
  const text = renderRecord(draft);
  // Same rules as `selection check` and `npm run check`: never write a record they would refuse.
  const problems = await checkRecord(shown, text);
  if (problems.length) {
    io.out(
      `${formatProblems(problems)}\n\nworldforge selection new: nothing written; the record would break ${problems.length} rule(s).\n`,
    );
    return EXIT.failed;
  }
  try {
    writeFileAtomic(full, text);
  } catch (error) {
    io.err(`worldforge selection new: cannot write ${shown}: ${ioReason(error)}\n`);
    return EXIT.usage;
  }
  io.out(`worldforge selection new: wrote ${shown}\n  ${summaryLine(text, shown)}\n  next: npx worldforge selection check ${shown}\n`);
  return EXIT.ok;
}
