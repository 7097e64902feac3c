/**
 * What claim refs resolve against in a repository: its committed evidence folder and a resolver
 * for every authored kind of the registry (design and selection records, live smoke). One
 * function, used by the check and by the site, so both resolve refs identically.
 */
import { join } from 'node:path';
import { EVIDENCE_DIR } from '../evidence/evidence-index.ts';
import { readEvidenceDir } from '../evidence/read.ts';
import { AUTHORED_KINDS } from '../kinds/registry.ts';
import { loadRecords, type RecordSet } from '../records/load.ts';
import type { RefSources } from './refs.ts';

export function repoRefSources(
  root: string,
  evidence: ReadonlyMap<string, string> = readEvidenceDir(join(root, EVIDENCE_DIR)),
  records: RecordSet = loadRecords(root),
): RefSources {
  return { evidence, records: Object.fromEntries(AUTHORED_KINDS.map((kind) => [kind.id, kind.resolver({ root, records })])) };
}
