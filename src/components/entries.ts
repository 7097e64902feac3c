/** Helpers shared by every evidence collection page: where an entry lives, uniqueness of page keys, overall status. */
import type { EvidenceStatus } from '../worldforge/schema/primitives.ts';

/** Repository-relative path of an evidence entry, e.g. `evidence/fixtures/generate.json`. */
export const entryFile = (entry: { id: string; filePath?: string | undefined }, kind: string) =>
  entry.filePath ?? `evidence/${kind}/${entry.id.split('/').pop()}.json`;

/** Overall status of several evidence documents: failed > skipped > passed (`none` if empty). */
export function combinedStatus(entries: readonly { data: { status: EvidenceStatus } }[]): EvidenceStatus | 'none' {
  if (entries.length === 0) return 'none';
  if (entries.some((e) => e.data.status === 'failed')) return 'failed';
  if (entries.some((e) => e.data.status === 'skipped')) return 'skipped';
  return 'passed';
}

/**
 * Checks that `key` is unique across `entries` (two files claiming the same capability, suite or
 * gallery would otherwise make one page silently win) and returns the entries.
 */
export function assertUniqueKeys<E extends { id: string; filePath?: string | undefined }>(
  entries: readonly E[],
  kind: string,
  field: string,
  key: (entry: E) => string,
): E[] {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const value = key(entry);
    const other = seen.get(value);
    if (other !== undefined) {
      throw new Error(`${kind} evidence: ${field} '${value}' appears in both ${other} and ${entryFile(entry, kind)}`);
    }
    seen.set(value, entryFile(entry, kind));
  }
  return [...entries];
}
