/** Renderings of the comparison model: Markdown (with its claim boundary) and CSV. JSON is the model itself. */
import type { Comparison, ComparisonRow } from './compare.ts';

const COLUMNS: readonly (keyof ComparisonRow)[] = [
  'report',
  'provider',
  'status',
  'samples',
  'success_rate',
  'error_count',
  'retry_count',
  'event_count',
  'mean_latency_ms',
  'p95_latency_ms',
  'throughput_per_second',
  'delta_mean_ms',
  'ratio_mean',
  'budget',
  'budget_status',
  'machine_class',
  'skip_reason',
  'missing_prerequisite',
];

const cell = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/** Markdown: one table per (operation, fixture, suite) group, the claim boundary first. */
export function comparisonMarkdown(comparison: Comparison): string {
  const lines = [
    '# Benchmark comparison',
    '',
    `> **Claim boundary.** ${comparison.claim_boundary}`,
    '',
    `Reports: ${comparison.reports.map((r) => `\`${r.label}\` (${r.preset}, ${r.generated_at}${r.machine_class ? `, ${r.machine_class}` : ''})`).join(', ')}.`,
    '',
    'Latencies are medians over each report’s samples; deltas and ratios are against the first measured row of the group.',
  ];
  for (const group of comparison.groups) {
    lines.push(
      '',
      `## ${group.operation}`,
      '',
      `Capability \`${group.capability}\`, fixture \`${group.fixture_digest ?? '—'}\`, suite ${group.suite_version}.`,
      '',
    );
    lines.push(`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`);
    for (const row of group.rows) lines.push(`| ${COLUMNS.map((c) => cell(row[c]).replaceAll('|', '\\|')).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV: one line per row, with its group's operation, capability, fixture digest and suite version. */
export function comparisonCsv(comparison: Comparison): string {
  const header = ['operation', 'capability', 'fixture_digest', 'suite_version', ...COLUMNS];
  const lines = [header.join(',')];
  for (const group of comparison.groups) {
    for (const row of group.rows) {
      lines.push(
        [group.operation, group.capability, group.fixture_digest, group.suite_version, ...COLUMNS.map((c) => row[c])]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
