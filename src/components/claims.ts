/**
 * What the claims page (and each provider page's claim list) shows: every claim row with its
 * class, its backing state as the check sees it (claim-states.ts), each evidence ref resolved
 * against the committed evidence (the same resolution the check uses) and linked to its page, the
 * providers it cites, and the date of its newest backing evidence (from git, at build time).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CLASS_POLICY } from '../worldforge/claims/backing.ts';
import { loadClaims, loadKnownGaps } from '../worldforge/claims/load.ts';
import { parseRef, resolveRef, type Resolution } from '../worldforge/claims/refs.ts';
import { CLAIM_AREAS, EVIDENCE_CLASSES, type Claim, type ClaimArea } from '../worldforge/claims/schema.ts';
import { repoRefSources } from '../worldforge/claims/sources.ts';
import { kindById } from '../worldforge/kinds/registry.ts';
import { PROVIDER_NAMES } from '../worldforge/providers/catalog.ts';
import { ageInWords, daysBetween, gitProvenance } from '../worldforge/site/git-provenance.ts';
import { claimStates, type ClaimStateOf } from './claim-states.ts';

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
  /** When the backing source last changed: a live-smoke run date, else the file's last commit date (YYYY-MM-DD). */
  date: string | null;
}

export interface ClaimRow {
  claim: Claim;
  refs: ResolvedRef[];
  backing: ClaimStateOf;
  /** Catalog providers the claim's refs name as their subject (`conformance/mock#…` → mock). */
  providers: string[];
  /** The newest date among its found refs, with its age at build time; null when none is known. */
  newest: { date: string; age: string } | null;
}

const ROOT = process.cwd();

let rows: Promise<ClaimRow[]> | undefined;

/** Every claim row, in file order, with its state, refs, providers and freshness (computed once per build). */
export function claimRows(): Promise<ClaimRow[]> {
  rows ??= buildRows();
  return rows;
}

async function buildRows(): Promise<ClaimRow[]> {
  const sources = repoRefSources(ROOT);
  const today = new Date();
  const states = claimStates(loadClaims(ROOT), loadKnownGaps(ROOT), sources, today);
  const { fileDates } = gitProvenance(ROOT);
  const entries = await getCollection('claims');
  return entries.map((entry) => {
    const claim = entry.data;
    const refs = claim.evidence.map((ref): ResolvedRef => {
      const resolution = resolveRef(ref, sources);
      const date = resolution.found ? (resolution.date ?? fileDates.get(resolution.source)?.slice(0, 10) ?? null) : null;
      return { ref, url: refUrl(ref), resolution, status: resolution.found ? (resolution.status ?? 'recorded') : 'missing', date };
    });
    const dates = refs.flatMap((r) => (r.date ? [r.date] : [])).sort();
    const newestDate = dates.at(-1);
    return {
      claim,
      refs,
      backing: states.get(claim.id) ?? { state: 'unbacked', reasons: ['the check did not evaluate this claim'] },
      providers: [...new Set(claim.evidence.map((ref) => parseRef(ref).subject).filter((s) => PROVIDER_NAMES.includes(s)))],
      newest: newestDate ? { date: newestDate, age: ageInWords(daysBetween(`${newestDate}T00:00:00Z`, today)) } : null,
    };
  });
}

export async function claimsByArea() {
  const rows = await claimRows();
  return CLAIM_AREAS.map((area) => ({ area, title: AREA_TITLES[area], rows: rows.filter((r) => r.claim.area === area) }));
}

/** Claims that cite a provider (its provider page lists them). */
export async function claimsCiting(provider: string): Promise<ClaimRow[]> {
  return (await claimRows()).filter((row) => row.providers.includes(provider));
}

/** Ids of claims citing a provider's conformance cases of one capability (`conformance/<p>#<cap>` or `#<cap>/<check>`). */
export async function claimsCitingCapability(provider: string, capability: string): Promise<string[]> {
  return (await claimRows())
    .filter((row) =>
      row.claim.evidence.some((ref) => {
        const { kind, subject, fragment } = parseRef(ref);
        return kind === 'conformance' && subject === provider && (fragment === capability || fragment?.startsWith(`${capability}/`));
      }),
    )
    .map((row) => row.claim.id);
}

export const CLASS_ROWS = EVIDENCE_CLASSES.map((cls) => ({ cls, ...CLASS_POLICY[cls] }));
