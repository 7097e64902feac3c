/**
 * What claim refs resolve against in a repository: its committed evidence folder and its authored
 * records. One function, used by the check and by the site, so both resolve refs identically.
 */
import { join } from 'node:path';
import { readEvidenceDir } from '../evidence/read.ts';
import type { RefSources } from './refs.ts';

export function repoRefSources(root: string, evidence: ReadonlyMap<string, string> = readEvidenceDir(join(root, 'evidence'))): RefSources {
  return { evidence, records: {} };
}
