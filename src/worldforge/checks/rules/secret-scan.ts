/** secret-scan: no secret, signed URL query, credential URL, bearer token, API key or host-local path in committed evidence, content/, README.md or the built site. Findings show a masked preview, never the secret. */
import { evidenceFile } from '../../evidence/index.ts';
import { findSecrets } from '../../redaction.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';

function scan(file: string, text: string): FindingDraft[] {
  return findSecrets(text).map((hit) => {
    const line = text.slice(0, hit.index).split('\n').length;
    return {
      file,
      line,
      id: `${file}:${line}`,
      expected: 'no secrets, signed URL queries or host-local paths',
      found: `${hit.kind} (${hit.preview})`,
    };
  });
}

export default defineRule({
  id: 'secret-scan',
  title: 'No secrets, signed URLs or host paths in published files',
  why: 'Evidence, content, the README and the built site are public. The scan looks for signed URL query strings, credentials embedded in URLs, bearer tokens, API keys (known key formats and key=value assignments) and absolute paths from a developer machine (home and temp folders, drive letters, file URLs). Findings show only a masked preview.',
  fix: 'Remove the value at the named line. If it came from a provider, route the text through redactText() in the adapter and regenerate with `npm run evidence`.',
  scope: ['evidence', 'content', 'dist', 'readme'],
  check: ({ evidence, content, dist, readme }): FindingDraft[] => [
    ...[...evidence.committed].flatMap(([path, text]) => scan(evidenceFile(path), text)),
    ...[...content].flatMap(([path, text]) => scan(path, text)),
    ...[...(dist ?? new Map<string, string>())].flatMap(([path, text]) => scan(path, text)),
    ...scan('README.md', readme),
  ],
});
