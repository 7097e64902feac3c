/** secret-scan: no secret, signed URL, credential, token, key or host-local path in committed evidence, content/, README.md or the built site. Findings show a masked preview, never the secret. */
import { evidenceFile } from '../../evidence/index.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { secretFindings } from '../secret-findings.ts';

export default defineRule({
  id: 'secret-scan',
  title: 'No secrets, signed URLs or host paths in published files',
  why: "Evidence, content, the README and the built site are public. The scan runs the project's detectors (signed URL queries, credentials in URLs, authorization headers, bearer tokens, known key formats, JWTs, private-key blocks, key=value secrets, bare high-entropy keys and absolute paths from a developer machine, also when percent-, escape- or base64-encoded) and secretlint's recommended credential rules. Findings show only a masked preview.",
  fix: 'Remove the value at the named line. If it came from a provider, route the text through redactText() or redactUpstreamText() in the adapter and regenerate with `npm run evidence`.',
  scope: ['evidence', 'content', 'dist', 'readme', 'credentials'],
  check: ({ evidence, content, dist, readme, credentials }): FindingDraft[] => [
    ...[...evidence.committed].flatMap(([path, text]) => secretFindings(evidenceFile(path), text, credentials)),
    ...[...content].flatMap(([path, text]) => secretFindings(path, text, credentials)),
    ...[...(dist ?? new Map<string, string>())].flatMap(([path, text]) => secretFindings(path, text, credentials)),
    ...secretFindings('README.md', readme, credentials),
  ],
});
