/**
 * Reading timing reports back: `compare` and `budgets calibrate` accept report files, baselines
 * and run folders (`.worldforge/runs/<id>/`, whose `reports/*.json` are read). Each report is
 * validated with the report schema and digested; a file that is not a report is an input error
 * naming the file and field, never a stack trace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { sha256Tag } from '../digest.ts';
import { type Problem, ProblemError } from '../problem.ts';
import { zodIssues } from '../validation.ts';
import { type BenchmarkReport, reportSchema } from './report-schema.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

export interface LoadedReport {
  /** How the report is named in output: relative to the working directory when inside it. */
  label: string;
  sha256: string;
  report: BenchmarkReport;
}

const labelOf = (path: string, cwd: string) => {
  const rel = relative(cwd, path);
  return !rel.startsWith('..') && rel !== '' ? rel.split(sep).join('/') : path.split(sep).at(-1)!;
};

/** The report files a path stands for: itself, or the `reports/*.json` of a run folder. */
function reportFiles(path: string): string[] {
  if (!existsSync(path)) return [path];
  if (!statSync(path).isDirectory()) return [path];
  const folder = existsSync(join(path, 'reports')) ? join(path, 'reports') : path;
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(folder, name));
}

/** Loads every report `paths` name (files or run folders); throws one error listing every problem. */
export function loadReports(paths: readonly string[], cwd = process.cwd()): LoadedReport[] {
  const problems: Problem[] = [];
  const loaded: LoadedReport[] = [];
  for (const given of paths) {
    const files = reportFiles(isAbsolute(given) ? given : join(cwd, given));
    if (files.length === 0) problems.push({ file: labelOf(given, cwd), field: '(root)', reason: 'holds no reports/*.json' });
    for (const file of files) {
      const label = labelOf(file, cwd);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        problems.push({ file: label, field: '(root)', reason: 'cannot be read (not a report file or run folder)' });
        continue;
      }
      let raw: unknown;
      try {
        raw = strictJsonValue(text, label);
      } catch (error) {
        problems.push({ file: label, field: '(root)', reason: jsonFailure(error) });
        continue;
      }
      const parsed = reportSchema().safeParse(raw);
      if (!parsed.success) {
        for (const issue of zodIssues(parsed.error, raw)) problems.push({ file: label, field: issue.path, reason: issue.message });
        continue;
      }
      loaded.push({ label, sha256: sha256Tag(text), report: parsed.data });
    }
  }
  if (problems.length) throw new ProblemError(problems, 'Some inputs are not benchmark reports');
  return loaded;
}
