/**
 * secret-scan: no secret, signed URL query, credential URL, bearer token, API key or host-local
 * path in committed evidence, in content/, in README.md, or in the built site (dist/, when built).
 * Findings show a masked preview, never the secret itself.
 */
import { findSecrets } from '../../src/worldforge/redaction.ts';
import { finding, type Rule } from './context.ts';

function scan(file: string, text: string) {
  return findSecrets(text).map((hit) => {
    const line = text.slice(0, hit.index).split('\n').length;
    return finding('secret-scan', {
      file,
      line,
      id: `${file}:${line}`,
      expected: 'no secrets, signed URL queries or host-local paths',
      found: `${hit.kind} (${hit.preview})`,
    });
  });
}

export const secretScanRule: Rule = {
  id: 'secret-scan',
  check: ({ committed, content, dist, readme }) => [
    ...[...committed].flatMap(([path, text]) => scan(`evidence/${path}`, text)),
    ...[...content].flatMap(([path, text]) => scan(path, text)),
    ...[...(dist ?? new Map<string, string>())].flatMap(([path, text]) => scan(path, text)),
    ...scan('README.md', readme),
  ],
};
