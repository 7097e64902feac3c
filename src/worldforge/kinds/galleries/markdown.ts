/** Markdown export of a failure-case gallery, for pasting into issues. Deterministic text. */
import type { GalleryEvidence } from './schema.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderGalleryMarkdown(doc: GalleryEvidence): string {
  const { body } = doc;
  const lines = [
    `# ${body.title}`,
    '',
    `> ${body.disclaimer}`,
    '',
    `Gallery \`${body.gallery}\` · ${body.cases.length} case(s) · status ${doc.status} · result ${doc.result_digest}`,
    '',
    `Sources: ${body.sources.map((s) => `\`${s}\``).join(', ')}. Regenerate: \`${doc.command}\`.`,
    '',
  ];
  if (body.cases.length === 0) return [...lines, 'No failing cases.', ''].join('\n');
  lines.push(
    '| Case | Label | Input | Expected contract | Observed | Error code | First triage step |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...body.cases.map(
      (c) =>
        `| \`${cell(c.fixture_id)}\` (${cell(c.subject)}) | ${c.label} | ${cell(c.input_summary)} | ${cell(c.expected_contract)} | ${cell(c.observed)} | ${c.error_code ?? '—'} | ${cell(c.first_triage_step)} |`,
    ),
    '',
  );
  return lines.join('\n');
}
