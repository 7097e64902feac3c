/**
 * The Markdown export of a release, for release notes: status, provenance to cite (index digest,
 * command, statement), the release-mode errors, every claim with its class and backing, the changes
 * since the previous release, and the live-smoke registry with ages. Served at
 * `/releases/<version>.md`.
 */
import { type ReleaseEvidence, releaseCommand } from '../kinds/releases/schema.ts';
import type { ReleaseDiff } from './diff.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const bullets = (items: readonly string[], empty: string) => (items.length ? items.map((i) => `- ${i}`) : [`- ${empty}`]);

export function releaseMarkdown(doc: ReleaseEvidence, diff: ReleaseDiff): string {
  const b = doc.body;
  const backed = b.claims.filter((c) => c.backing === 'backed').length;
  return [
    `# WorldForge ${b.version} release evidence`,
    '',
    `Status: **${doc.status}** (release-mode check: ${b.release_check.ok ? 'no errors' : `${b.release_check.errors.length} error(s)`}). Frozen on ${b.date}.`,
    '',
    '## Provenance',
    '',
    `- evidence index: \`${b.evidence_index_sha256}\``,
    `- release file: \`evidence/releases/${b.version}.json\` (result digest \`${doc.result_digest}\`)`,
    `- in-toto statement: \`evidence/releases/${b.version}.intoto.jsonl\` — verify with \`npx worldforge release verify evidence/releases/${b.version}.json\``,
    `- frozen by: \`${releaseCommand(b.version)}\``,
    '',
    '## Release-mode errors',
    '',
    ...bullets(
      b.release_check.errors.map((e) => `\`${e.rule}\` [${e.id}] ${cell(e.found)}`),
      'none',
    ),
    '',
    `## Claims (${backed} of ${b.claims.length} backed)`,
    '',
    '| claim | class | backing | evidence |',
    '| --- | --- | --- | --- |',
    ...b.claims.map(
      (c) =>
        `| ${c.id} | ${c.class} | ${c.backing} | ${c.evidence.map((e) => `${e.ref} (${e.status ?? 'not found'})`).join(', ') || '—'} |`,
    ),
    '',
    `## Changes since ${diff.previous ?? 'the previous release'}`,
    '',
    ...(diff.previous === null
      ? ['- first release: nothing to compare with']
      : [
          ...bullets(
            diff.added.map((id) => `added: ${id}`),
            'no claim added',
          ),
          ...bullets(
            diff.removed.map((id) => `removed: ${id}`),
            'no claim removed',
          ),
          ...diff.upgraded.map((c) => `- upgraded: ${c.id} (${c.from} → ${c.to})`),
          ...diff.downgraded.map((c) => `- downgraded: ${c.id} (${c.from} → ${c.to})`),
          ...diff.backing.map((c) => `- backing: ${c.id} (${c.from} → ${c.to})`),
          ...diff.evidence.map((e) => `- evidence: ${e.path} (${e.from ?? 'absent'} → ${e.to ?? 'absent'})`),
        ]),
    '',
    '## Live-smoke registry',
    '',
    '| provider | capability | status | date | age (days) |',
    '| --- | --- | --- | --- | --- |',
    ...b.live_smoke.map((s) => `| ${s.provider} | ${s.capability} | ${s.status} | ${s.date} | ${s.age_days} |`),
    '',
  ].join('\n');
}
