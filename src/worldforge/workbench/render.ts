/**
 * Renders a workbench report: plain text for a terminal, Markdown for a pull-request or issue
 * body (`--markdown`). Both are pure functions of the report and pass every line through the
 * redaction filter, so even authored prose quoted from a record cannot carry a secret out.
 */
import { redactText } from '../redaction.ts';
import type { WorkbenchReport } from './flow.ts';

/** Terminal text: one block per flow step. */
export function renderText(report: WorkbenchReport): string {
  const blocks = report.steps.map((step) => [`${step.ok ? '✓' : '✗'} ${step.title}`, ...step.lines.map((l) => `    ${l}`)].join('\n'));
  const commands = ['Validation commands:', ...report.validationCommands.map((c) => `    ${c}`)].join('\n');
  return redactText(`worldforge workbench ${report.subject}\n\n${blocks.join('\n\n')}\n\n${commands}\n`);
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A pull-request or issue body: status, requirement table, missing evidence as checkboxes, commands, artifacts. */
export function renderMarkdown(report: WorkbenchReport): string {
  const step = (id: string) => report.steps.find((s) => s.id === id)!;
  const lines = [
    `## Workbench: \`${report.subject}\` (${report.source})`,
    '',
    `Status **${report.status}**, evidence earns **${report.earned ?? 'no level'}**, next status **${report.next ?? 'none (stable)'}**.`,
    '',
    `### ${step('next').title}`,
    '',
    ...(report.missing.length
      ? report.missing.map((r) => `- [ ] ${r.requirement.text} (\`${r.requirement.id}\`): ${r.detail}`)
      : ['- [x] nothing missing']),
    '',
    '### Promotion evidence by status',
    '',
    '| level | requirement | status | detail |',
    '| --- | --- | --- | --- |',
    ...report.requirements.map((r) => `| ${r.requirement.level} | ${cell(r.requirement.text)} | ${r.status} | ${cell(r.detail)} |`),
    '',
    '### Checks',
    '',
    ...report.steps
      .filter((s) => ['runtime', 'fixtures', 'drift', 'conformance', 'redaction'].includes(s.id))
      .map((s) => `- ${s.ok ? '✓' : '✗'} **${s.title}**: ${s.lines.map((l) => l.replace(/^[✓✗] /, '')).join('; ')}`),
    '',
    '### Validation commands',
    '',
    '```sh',
    ...report.validationCommands,
    '```',
    '',
    '### Artifacts',
    '',
    ...(report.artifacts.length ? report.artifacts.map((a) => `- \`${a}\``) : ['- none yet']),
    '',
    'All paths are repository-relative; no secrets, signed URLs or host paths are included.',
    '',
  ];
  return redactText(lines.join('\n'));
}
