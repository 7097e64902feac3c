/**
 * What the claims page shows: every claim row with its class, each evidence ref resolved against
 * the committed evidence (the same resolution the check uses) and linked to its page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CLASS_POLICY } from '../worldforge/claims/backing.ts';
import { parseRef, resolveRef, type Resolution } from '../worldforge/claims/refs.ts';
import { CLAIM_AREAS, EVIDENCE_CLASSES, type ClaimArea } from '../worldforge/claims/schema.ts';
import { repoRefSources } from '../worldforge/claims/sources.ts';
import { kindById } from '../worldforge/kinds/registry.ts';

export type ClaimEntry = CollectionEntry<'claims'>;

export const AREA_TITLES: Record<ClaimArea, string> = {
  capability: 'Capability claims',
  provider: 'Provider claims',
  workflow: 'Workflow and artifact claims',
  'non-claim': 'Non-claims',
};

/** Site page of an evidence ref, as its kind routes it, or null when it has none (yet). */
export function refUrl(ref: string): string | null {
  const { kind, subject, fragment } = parseRef(ref);
  return kindById(kind)?.route(subject, fragment) ?? null;
}

export interface ResolvedRef {
  ref: string;
  url: string | null;
  resolution: Resolution;
  /** `passed`, `failed`, `skipped`, `recorded` or `missing`. */
  status: string;
}

export async function claimsByArea() {
  const sources = repoRefSources(process.cwd());
  const entries = await getCollection('claims');
  const rows = entries.map((entry) => ({
    claim: entry.data,
    refs: entry.data.evidence.map((ref): ResolvedRef => {
      const resolution = resolveRef(ref, sources);
      return { ref, url: refUrl(ref), resolution, status: resolution.found ? (resolution.status ?? 'recorded') : 'missing' };
    }),
  }));
  return CLAIM_AREAS.map((area) => ({ area, title: AREA_TITLES[area], rows: rows.filter((r) => r.claim.area === area) }));
}

export const CLASS_ROWS = EVIDENCE_CLASSES.map((cls) => ({ cls, ...CLASS_POLICY[cls] }));
