/** Reporters for check results: human text (default), JSON, and a GitHub Actions job summary. */
import { appendFileSync } from 'node:fs';
import type { CheckReport, Finding } from '../../src/worldforge/checks/finding.ts';

const indent = (text: string, prefix = '    ') =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

function humanFinding(f: Finding): string {
  const where = f.line ? `${f.file}:${f.line}` : f.file;
  const lines = [
    `${f.level === 'error' ? '✖' : '⚠'} ${f.rule}  ${where}  [${f.id}]`,
    `    expected: ${f.expected}`,
    `    found:    ${f.found}`,
  ];
  if (f.details) lines.push(indent(f.details, '    │ '));
  lines.push(`    fix:      ${f.fix}`, `    rule:     ${f.docs}`);
  return lines.join('\n');
}

export function humanReport(report: CheckReport): string {
  const seconds = (report.elapsed_ms / 1000).toFixed(2);
  if (report.findings.length === 0) return `worldforge check: ok, no findings (${seconds} s)`;
  const errors = report.findings.filter((f) => f.level === 'error').length;
  const files = [...new Set(report.findings.map((f) => f.file))];
  return [
    ...report.findings.map(humanFinding),
    '',
    `worldforge check: ${report.ok ? 'ok' : 'FAILED'}, ${errors} error(s), ${report.findings.length - errors} warning(s) in ${files.length} file(s): ${files.join(', ')} (${seconds} s)`,
  ].join('\n');
}

/** Appends a Markdown table to `$GITHUB_STEP_SUMMARY` when running in GitHub Actions. */
export function writeGithubSummary(report: CheckReport, path = process.env.GITHUB_STEP_SUMMARY): void {
  if (!path) return;
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rows = report.findings.map(
    (f) =>
      `| ${f.level} | \`${f.rule}\` | ${cell(f.line ? `${f.file}:${f.line}` : f.file)} | ${cell(f.id)} | ${cell(f.expected)} | ${cell(f.found)} | ${cell(f.fix)} |`,
  );
  const body =
    report.ok && rows.length === 0
      ? `### worldforge check: ok (${report.elapsed_ms} ms)\n`
      : [
          `### worldforge check: ${report.findings.length} finding(s) (${report.elapsed_ms} ms)`,
          '',
          '| level | rule | file | id | expected | found | fix |',
          '| --- | --- | --- | --- | --- | --- | --- |',
          ...rows,
          '',
        ].join('\n');
  appendFileSync(path, body);
}
