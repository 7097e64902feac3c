/** Semver ordering of release versions (semver.org §11): numeric core, a pre-release sorts before its release. */
import { SEMVER_PATTERN } from '../kinds/releases/schema.ts';

function parts(version: string): { core: number[]; pre: string[] } {
  const m = SEMVER_PATTERN.exec(version);
  if (!m) throw new Error(`'${version}' is not a semver version`);
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].slice(1).split('.') : [] };
}

const comparePre = (a: string, b: string) => {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

export function compareSemver(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i += 1) if (pa.core[i] !== pb.core[i]) return pa.core[i]! - pb.core[i]!;
  if (pa.pre.length === 0 || pb.pre.length === 0) return pb.pre.length - pa.pre.length;
  for (let i = 0; i < Math.min(pa.pre.length, pb.pre.length); i += 1) {
    const c = comparePre(pa.pre[i]!, pb.pre[i]!);
    if (c !== 0) return c;
  }
  return pa.pre.length - pb.pre.length;
}

/** Versions sorted oldest first. */
export const sortVersions = (versions: readonly string[]) => [...versions].sort(compareSemver);
