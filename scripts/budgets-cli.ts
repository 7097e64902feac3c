/**
 * `worldforge budgets calibrate` and `budgets apply`. Calibration writes a candidate file and never
 * touches a budget; applying a candidate that loosens any threshold needs `--accept-loosening
 * --rationale "…"`, and the rationale lands in the budget file's history. Exit codes: 0 written,
 * 1 refused (loosening without acceptance, budget changed since calibration), 2 invalid input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import { appliedBudget, applyRefusal, calibrate, CalibrationError, DEFAULT_HEADROOM } from '../src/worldforge/benchmarks/calibrate.ts';
import { type BudgetCandidate, candidateSchema } from '../src/worldforge/benchmarks/candidate-schema.ts';
import { loadBenchmarkData, presetById, UnknownPresetError } from '../src/worldforge/benchmarks/data.ts';
import { readBudgetFile } from '../src/worldforge/benchmarks/gate.ts';
import { loadReports } from '../src/worldforge/benchmarks/reports.ts';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import { ProblemError } from '../src/worldforge/problem.ts';
import { zodIssues } from '../src/worldforge/validation.ts';
import { jsonFailure, strictJsonValue } from '../src/worldforge/strict-json.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const collect = (value: string, previous: string[]) => [...previous, value];
const headroomValue = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new InvalidArgumentError('expected a number between 0 and 10, e.g. 0.25');
  return n;
};

const fromRoot = (path: string) => (isAbsolute(path) ? path : join(process.cwd(), path));

function calibrateAction(options: { from: string[]; headroom: number; budget?: string; out?: string; json?: boolean }): number {
  if (options.from.length === 0) throw new CalibrationError('pass at least one report with --from <report>');
  const reports = loadReports(options.from);
  const presetId = reports[0]!.report.preset;
  const budgetPath = options.budget ?? presetById(loadBenchmarkData(REPO_ROOT), presetId).budget;
  const current = budgetPath ? readBudgetFile(fromRoot(budgetPath), REPO_ROOT) : null;
  const candidate = calibrate({
    reports,
    current: current ? { path: current.label, sha256: current.sha256, file: current.file } : null,
    headroom: options.headroom,
  });
  const out = options.out ?? `.worldforge/budget-candidates/${presetId}.candidate.json`;
  if (budgetPath && resolve(fromRoot(out)) === resolve(fromRoot(budgetPath))) {
    throw new CalibrationError(
      `--out ${out} is the current budget: calibration never edits a budget; apply the candidate with \`budgets apply\``,
    );
  }
  writeFileAtomic(fromRoot(out), canonicalJson(candidate));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ candidate_path: out, candidate }, null, 2)}\n`);
    return EXIT.ok;
  }
  const loosening = candidate.diffs.filter((d) => d.loosens).length;
  process.stdout.write(
    [
      `worldforge budgets calibrate: candidate for ${presetId} from ${reports.length} report(s) (headroom ${candidate.headroom}) → ${out}`,
      ...candidate.source_reports.map((r) => `  source ${r.path} ${r.sha256}`),
      `  current budget: ${candidate.current_budget ? `${candidate.current_budget.path} ${candidate.current_budget.sha256}` : 'none (proposing one)'}`,
      ...candidate.diffs.map(
        (d) =>
          `  ${d.selector} ${d.key}: ${d.old_threshold ?? '—'} → ${d.candidate_threshold} (observed ${d.observed_baseline}; ${d.rationale})${d.loosens ? '  LOOSENS' : ''}`,
      ),
      `  review required${loosening ? `; ${loosening} threshold(s) loosen: applying needs --accept-loosening --rationale "…"` : ''}. Apply: npx worldforge budgets apply ${out}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

function readCandidate(path: string): { candidate: BudgetCandidate; sha256: string } {
  let text: string;
  try {
    text = readFileSync(fromRoot(path), 'utf8');
  } catch {
    throw new ProblemError([{ file: path, field: '(root)', reason: 'cannot be read' }], 'The candidate is unusable');
  }
  let raw: unknown;
  try {
    raw = strictJsonValue(text, path);
  } catch (error) {
    throw new ProblemError([{ file: path, field: '(root)', reason: jsonFailure(error) }], 'The candidate is invalid');
  }
  const parsed = candidateSchema().safeParse(raw);
  if (!parsed.success) {
    throw new ProblemError(
      zodIssues(parsed.error, raw).map((i) => ({ file: path, field: i.path, reason: i.message })),
      'The candidate is invalid',
    );
  }
  return { candidate: parsed.data, sha256: sha256Tag(text) };
}

function applyAction(file: string, options: { to?: string; acceptLoosening?: boolean; rationale?: string }): number {
  const { candidate, sha256 } = readCandidate(file);
  const target = options.to ?? candidate.current_budget?.path;
  if (!target) throw new CalibrationError('the candidate replaces no budget: name the file to write with --to <budget.json>');
  if (!options.to && !existsSync(fromRoot(target))) {
    throw new CalibrationError(
      `the candidate's budget ${target} is not found from here (a budget outside the checkout is recorded by name only): pass --to <budget.json>`,
    );
  }
  const current = readBudgetFile(fromRoot(target), REPO_ROOT);
  const refusal = applyRefusal(candidate, current.sha256, {
    acceptLoosening: Boolean(options.acceptLoosening),
    rationale: options.rationale,
  });
  if (refusal) {
    process.stderr.write(`worldforge budgets apply: refused: ${refusal}\nNothing was written.\n`);
    return EXIT.failed;
  }
  const next = appliedBudget(current.file, candidate, sha256, options.rationale, new Date());
  writeFileAtomic(fromRoot(target), `${JSON.stringify(next, null, 2)}\n`);
  process.stdout.write(
    `worldforge budgets apply: ${target} updated (${candidate.diffs.length} threshold(s); history entry ${next.history.length}). Run \`npm run evidence\`.\n`,
  );
  return EXIT.ok;
}

export function budgetsCommands(setExit: (code: number) => void): Command {
  const budgets = new Command('budgets').description('Calibrate benchmark budgets from preserved reports, and apply reviewed candidates.');
  const run = (action: () => number) => {
    try {
      setExit(action());
    } catch (error) {
      if (!(error instanceof CalibrationError || error instanceof UnknownPresetError)) throw error;
      process.stderr.write(`worldforge budgets: ${error.message}\nNothing was written.\n`);
      setExit(EXIT.usage);
    }
  };
  budgets
    .command('calibrate')
    .description(
      'Write a candidate budget (never the current one) from preserved reports: digests, baseline context, per-threshold diffs, review_required.',
    )
    .option('--from <report>', 'a report file or run folder (repeat for several)', collect, [])
    .option('--headroom <fraction>', 'margin added to latencies and taken off throughput', headroomValue, DEFAULT_HEADROOM)
    .option('--budget <file>', 'the current budget (default: the preset’s)')
    .option('--out <file>', 'where to write the candidate (default: .worldforge/budget-candidates/<preset>.candidate.json)')
    .option('--json', 'print the candidate as JSON')
    .action((options) => run(() => calibrateAction(options)));
  budgets
    .command('apply')
    .description(
      'Apply a reviewed candidate to its budget file, appending to the file’s history; loosening needs --accept-loosening --rationale.',
    )
    .argument('<candidate>', 'a candidate written by `budgets calibrate`')
    .option('--to <file>', 'budget file to write (default: the one the candidate was calibrated against)')
    .option('--accept-loosening', 'accept thresholds that get looser')
    .option('--rationale <text>', 'why (required with --accept-loosening; kept in the budget’s history)')
    .action((file: string, options) => run(() => applyAction(file, options)));
  return budgets;
}
