/**
 * What changed between two releases: claims added and removed, claims whose class moved up or
 * down (classes are ordered strongest first, `checkout-tested` … `unsupported`), claims whose
 * backing state changed, and evidence whose status changed (or that appeared or disappeared).
 * Pure: the release page, its Markdown export and the tests use the same function.
 */
import { EVIDENCE_CLASSES, type EvidenceClass } from '../claims/schema.ts';
import type { ReleaseBody } from '../kinds/releases/schema.ts';
import { compareSemver } from './semver.ts';

export interface ClassChange {
  id: string;
  from: EvidenceClass;
  to: EvidenceClass;
}

export interface ReleaseDiff {
  /** The release compared against, or null for the first release. */
  previous: string | null;
  added: string[];
  removed: string[];
  upgraded: ClassChange[];
  downgraded: ClassChange[];
  backing: { id: string; from: string; to: string }[];
  evidence: { path: string; from: string | null; to: string | null }[];
}

const rank = (cls: EvidenceClass) => EVIDENCE_CLASSES.indexOf(cls);

/** The release just before `version` among `all` (by semver), or null. */
export function previousOf<T extends { version: string }>(version: string, all: readonly T[]): T | null {
  return (
    [...all]
      .filter((r) => compareSemver(r.version, version) < 0)
      .sort((a, b) => compareSemver(a.version, b.version))
      .at(-1) ?? null
  );
}

export function diffReleases(current: ReleaseBody, previous: ReleaseBody | null): ReleaseDiff {
  const before = new Map((previous?.claims ?? []).map((c) => [c.id, c]));
  const after = new Map(current.claims.map((c) => [c.id, c]));
  const kept = current.claims.filter((c) => before.has(c.id));
  const moved = kept.map((c) => ({ id: c.id, from: before.get(c.id)!.class, to: c.class })).filter((m) => m.from !== m.to);
  const statusBefore = new Map((previous?.suites ?? []).map((s) => [s.path, s.status]));
  const statusAfter = new Map(current.suites.map((s) => [s.path, s.status]));
  const paths = [...new Set([...statusBefore.keys(), ...statusAfter.keys()])].sort();
  return {
    previous: previous?.version ?? null,
    added: previous ? current.claims.filter((c) => !before.has(c.id)).map((c) => c.id) : [],
    removed: (previous?.claims ?? []).filter((c) => !after.has(c.id)).map((c) => c.id),
    upgraded: moved.filter((m) => rank(m.to) < rank(m.from)),
    downgraded: moved.filter((m) => rank(m.to) > rank(m.from)),
    backing: kept
      .filter((c) => before.get(c.id)!.backing !== c.backing)
      .map((c) => ({ id: c.id, from: before.get(c.id)!.backing, to: c.backing })),
    evidence: previous
      ? paths
          .map((path) => ({ path, from: statusBefore.get(path) ?? null, to: statusAfter.get(path) ?? null }))
          .filter((e) => e.from !== e.to)
      : [],
  };
}

/** True when nothing changed (or there is nothing to compare with). */
export const isEmptyDiff = (d: ReleaseDiff) =>
  d.added.length + d.removed.length + d.upgraded.length + d.downgraded.length + d.backing.length + d.evidence.length === 0;
