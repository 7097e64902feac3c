/**
 * Report exports of an evaluation run: the evidence document itself (JSON, with its provenance
 * envelope), a Markdown table and a CSV with one row per scenario. The Markdown and CSV repeat the
 * envelope's provenance (suite version, digests, command, boundary) so a pasted report still cites
 * what produced it.
 */
import type { EvaluationEvidence } from '../kinds/evaluation/schema.ts';

export const REPORT_FORMATS = ['json', 'md', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The provenance lines every export starts with. */
export function provenanceLines(doc: EvaluationEvidence): [string, string][] {
  return [
    ['suite', `${doc.body.suite}@${doc.suite_version}`],
    ['provider', doc.body.provider],
    ['capability', doc.body.capability],
    ['status', doc.status],
    ['worldforge_version', doc.worldforge_version],
    ['result_digest', doc.result_digest],
    ['inputs', doc.inputs.map((i) => `${i.path}@${i.sha256.slice(0, 19)}`).join(', ')],
    ['event_count', String(doc.event_count)],
    ['claim_boundary', doc.claim_boundary],
    ['metric_semantics', doc.body.metric_semantics],
  ];
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function evaluationMarkdown(doc: EvaluationEvidence): string {
  const s = doc.body.summary;
  return [
    `# Evaluation: ${doc.body.suite} on ${doc.body.provider}`,
    '',
    ...provenanceLines(doc).map(([k, v]) => `- **${k}**: ${cell(v)}`),
    '',
    `${s.passed_count} of ${s.scenario_count} scenarios passed (${s.known_failure_count} known failure(s)); average score ${s.average_score}.`,
    '',
    '| scenario | expectation | passed | matches expectation | score | observed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...doc.body.scenarios.map(
      (r) =>
        `| ${r.scenario} | ${r.expectation} | ${r.passed ? 'yes' : 'no'} | ${r.matches_expectation ? 'yes' : 'no'} | ${r.score} | ${cell(r.observed)} |`,
    ),
    '',
  ].join('\n');
}

const csvField = (value: string | number | boolean) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function evaluationCsv(doc: EvaluationEvidence): string {
  const header = [
    'suite',
    'suite_version',
    'provider',
    'scenario',
    'expectation',
    'passed',
    'matches_expectation',
    'score',
    'metrics_json',
    'input_digest',
    'result_digest',
    'evidence_result_digest',
  ];
  const rows = doc.body.scenarios.map((r) => [
    doc.body.suite,
    doc.suite_version,
    doc.body.provider,
    r.scenario,
    r.expectation,
    r.passed,
    r.matches_expectation,
    r.score,
    JSON.stringify(Object.fromEntries(Object.entries(r.metrics).sort(([a], [b]) => a.localeCompare(b)))),
    r.input_digest,
    r.result_digest,
    doc.result_digest,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}
