/**
 * Parsed views of check data that several rules read: JSON that may be broken, regenerated
 * evidence documents of one kind, a provider's conformance document, the live-smoke entries and
 * the evidence refs claims cite.
 * Each view skips what does not parse; the schema rule of that data reports it instead.
 */
import type { EvidenceKind, EvidenceOf } from '../evidence/index.ts';
import type { ConformanceEvidence } from '../kinds/conformance/schema.ts';
import { LIVE_SMOKE_DIR, LIVE_SMOKE_RUNS_DIR, type LiveSmokeEntry, liveSmokeEntrySchema } from '../live-smoke.ts';
import type { Located } from '../claims/load.ts';
import { type RefSources, type Resolution, resolveRef } from '../claims/refs.ts';
import type { Claim } from '../claims/schema.ts';
import { parseJsonStrict } from '../strict-json.ts';
import { evidenceDocument } from '../evidence/store.ts';
import type { EvidenceTree } from './slices.ts';

/** Subject id of an evidence file: its path under evidence/ without `.json`. */
export const evidenceSubject = (path: string) => path.replace(/\.json$/, '');

/** Parses JSON strictly (duplicate keys, BOM and runaway nesting refused), turning a problem into a finding-friendly message. */
export function parseJson(text: string, file = '(json)'): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = parseJsonStrict(text, file);
  return parsed.ok ? parsed : { ok: false, message: parsed.problem.reason };
}

/** The regenerated documents of one evidence kind, parsed with its shared schema (none when the suites could not run). */
export function freshDocuments<K extends EvidenceKind>(fresh: EvidenceTree | null, kind: K): { path: string; doc: EvidenceOf<K> }[] {
  return [...(fresh ?? [])].flatMap(([path, text]) => {
    const doc = evidenceDocument(kind, path, text);
    return doc ? [{ path, doc }] : [];
  });
}

/** Path under evidence/ of a provider's conformance document. */
export const conformancePath = (provider: string) => `conformance/${provider}.json`;

/** A provider's conformance document in `files`, or null when it is missing or malformed (evidence-schema reports that). */
export function conformanceDocument(files: EvidenceTree, provider: string): ConformanceEvidence | null {
  const text = files.get(conformancePath(provider));
  if (text === undefined) return null;
  return evidenceDocument('conformance', conformancePath(provider), text);
}

/** True for a live-smoke entry file (`content/live-smoke/*.json`, not a run manifest under runs/). */
export const isLiveSmokeEntryFile = (path: string) =>
  path.startsWith(`${LIVE_SMOKE_DIR}/`) && !path.startsWith(`${LIVE_SMOKE_RUNS_DIR}/`) && path.endsWith('.json');

/** Live-smoke entries that parse, keyed by file; live-smoke-schema reports the others. */
export function liveSmokeEntries(content: ReadonlyMap<string, string>): { file: string; entry: LiveSmokeEntry }[] {
  return [...content]
    .filter(([path]) => isLiveSmokeEntryFile(path))
    .flatMap(([file, text]) => {
      const json = parseJson(text);
      if (!json.ok) return [];
      const parsed = liveSmokeEntrySchema().safeParse(json.value);
      return parsed.success ? [{ file, entry: parsed.data }] : [];
    });
}

/** One evidence ref a claim cites: the claim row, the ref, the line it stands on and what it resolves to. */
export interface CitedRef {
  claim: Located<Claim>;
  ref: string;
  /** Line of the ref in the claims file (the claim's line when unknown). */
  line: number;
  resolved: Resolution;
}

/** Every ref of every given claim, in file order, resolved against `refs`. */
export const citedRefs = (claims: readonly Located<Claim>[], refs: RefSources): CitedRef[] =>
  claims.flatMap((claim) =>
    claim.value.evidence.map((ref, i) => ({ claim, ref, line: claim.refLines?.[i] ?? claim.line, resolved: resolveRef(ref, refs) })),
  );
