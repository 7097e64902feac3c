/** The findings every secret-scan rule reports: one per line of a file that holds a secret. */
import { type CredentialScan, describeHit, type LineHit, scanFileText } from '../redaction.ts';
import type { FindingDraft } from './finding.ts';

/** The finding of one line of `file` that holds a secret: a masked preview, never the secret. */
export const secretFinding = (file: string, hit: LineHit): FindingDraft => ({
  file,
  line: hit.line,
  id: `${file}:${hit.line}`,
  expected: 'no secrets, signed URL queries or host-local paths',
  found: describeHit(hit),
});

/** One finding per line of `file` that holds a secret. */
export const secretFindings = (file: string, text: string, credentials: CredentialScan): FindingDraft[] =>
  scanFileText(text, credentials).map((hit) => secretFinding(file, hit));
