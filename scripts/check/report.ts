/**
 * Reporters for check results: human text (default), JSON, and the GitHub Actions job summary.
 * Workflow-command annotations live in github.ts, SARIF in sarif.ts. Every reporter lists errors
 * before warnings (`errorsFirst`), so what fails the check is read first.
 */
import { appendFileSync } from 'node:fs';
import type { CheckReport, Finding } from '../../src/worldforge/checks/finding.ts';
import { siteLink } from '../../src/worldforge/site/site-url.ts';
import { ioReason } from '../cli-errors.ts';

/** Errors first, then warnings; the check's order (file, rule, id) is kept within each level. */
export function errorsFirst(findings: readonly Finding[]): Finding[] {
  return [...findings.filter((f) => f.level === 'error'), ...findings.filter((f) => f.level !== 'error')];
}

/** `file:line`, or the file alone when the line is unknown. */
export const findingLocation = (f: Finding) => (f.line ? `${f.file}:${f.line}` : f.file);

const countOf = (report: CheckReport) => {
  const errors = report.findings.filter((f) => f.level === 'error').length;
  return { errors, warnings: report.findings.length - errors };
};

const indent = (text: string, prefix = '    ') =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

function humanFinding(f: Finding, site: string | null): string {
  const lines = [
    `${f.level === 'error' ? '✖' : '⚠'} ${f.rule}  ${findingLocation(f)}  [${f.id}]`,
    `    expected: ${f.expected}`,
    `    found:    ${f.found}`,
  ];
  if (f.details) lines.push(indent(f.details, '    │ '));
  lines.push(`    fix:      ${f.fix}`, `    rule:     ${siteLink(f.docs, site)}`);
  return lines.join('\n');
}

/** The terminal report: one block per finding (errors first), then a one-line verdict. */
export function humanReport(report: CheckReport, site: string | null = null): string {
  const seconds = (report.elapsed_ms / 1000).toFixed(2);
  if (report.findings.length === 0) return `worldforge check: ok, no findings (${seconds} s)`;
  const { errors, warnings } = countOf(report);
  const files = [...new Set(report.findings.map((f) => f.file))];
  return [
    ...errorsFirst(report.findings).map((f) => humanFinding(f, site)),
    '',
    `worldforge check: ${report.ok ? 'ok' : 'FAILED'}, ${errors} error(s), ${warnings} warning(s) in ${files.length} file(s): ${files.join(', ')} (${seconds} s)`,
  ].join('\n');
}

/** A Markdown table cell: no pipe or newline may end the cell early. */
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');

/** A fenced block that no backtick run inside `text` can close early. */
function fenced(text: string, info: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

/** `<details>` blocks with each finding's diff or detail, errors first. */
function detailBlocks(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.details)
    .map((f) =>
      [
        '<details>',
        `<summary>${f.level}: <code>${f.rule}</code> ${cell(findingLocation(f)).replaceAll('<', '&lt;')}</summary>`,
        '',
        fenced(f.details!, f.rule === 'evidence-drift' ? 'diff' : 'text'),
        '',
        '</details>',
      ].join('\n'),
    );
}

/** Rows and folded diffs a job summary holds at most: GitHub refuses summaries over 1 MiB. */
const SUMMARY_MAX_ROWS = 500;
const SUMMARY_MAX_DETAILS = 30;

/**
 * The GitHub Actions job summary (Markdown): the verdict first, then the findings table with errors
 * first, the fix commands of the errors, and every diff folded in `<details>`. Each row links its
 * rule's page (the last column), absolutely once a site URL is configured.
 */
export function githubSummary(report: CheckReport, site: string | null = null): string {
  const { errors, warnings } = countOf(report);
  const seconds = (report.elapsed_ms / 1000).toFixed(2);
  if (report.findings.length === 0) return `### ✅ worldforge check passed: no findings (${seconds} s)\n`;
  const verdict = report.ok
    ? `### ✅ worldforge check passed: 0 errors, ${warnings} warning(s) (${seconds} s)`
    : `### ❌ worldforge check failed: ${errors} error(s), ${warnings} warning(s) (${seconds} s)`;
  const ordered = errorsFirst(report.findings);
  const shown = ordered.slice(0, SUMMARY_MAX_ROWS);
  const rows = shown.map(
    (f) =>
      `| ${f.level} | \`${f.rule}\` | ${cell(findingLocation(f))} | ${cell(f.id)} | ${cell(f.expected)} | ${cell(f.found)} | ${cell(f.fix)} | [rule](${siteLink(f.docs, site)}) |`,
  );
  const fixes = [...new Set(ordered.filter((f) => f.level === 'error').map((f) => f.fix))];
  return [
    verdict,
    '',
    '| level | rule | file | id | expected | found | fix | docs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(ordered.length > shown.length ? [`| … | ${ordered.length - shown.length} more finding(s) | see the job log | | | | | |`] : []),
    '',
    ...(fixes.length ? ['**To fix the errors:**', '', ...fixes.map((fix) => `- ${fix.replaceAll(/\r?\n/g, ' ')}`), ''] : []),
    ...detailBlocks(shown)
      .slice(0, SUMMARY_MAX_DETAILS)
      .flatMap((block) => [block, '']),
  ].join('\n');
}

/**
 * Appends the job summary to `path` (`$GITHUB_STEP_SUMMARY` or `--github-summary`). Returns the
 * reason when the file cannot be written, so the caller can warn after the report has printed: a
 * summary is a convenience, the report is the result.
 */
export function appendGithubSummary(path: string, text: string): string | null {
  try {
    appendFileSync(path, text);
    return null;
  } catch (error) {
    return ioReason(error);
  }
}
