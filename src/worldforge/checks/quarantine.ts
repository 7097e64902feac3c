/**
 * One error, one finding. A file or row that fails its schema is reported once, by its schema
 * rule, and drops only itself: everything other rules would conclude from its absence ("no such
 * record", "no claim row covers", "no case", drift, stale digests) is a consequence, not a second
 * problem. Findings name subjects with quarantine keys — repository paths and the typed keys below —
 * and the runner drops a finding whose `file` or `depends` is quarantined (by a schema finding) or
 * covered (by a finding that already reports that subject's problem).
 *
 * Nothing here can make the check pass: a finding is dropped only while another error finding that
 * explains it is reported, and the known-gaps ratchet still sees every finding.
 */
import type { Finding, FindingDraft } from './finding.ts';

/** A claim row, by id (`*` when the row's id cannot be read: any claim may be the broken one). */
export const claimKey = (id: string) => `claim:${id}`;
/** Claim rows citing `<kind>/<subject>` (the ref without its fragment). */
export const claimRefKey = (ref: string) => `claim-ref:${ref.split('#')[0]}`;
/** The refs of one claim row, as reported by the ref rules. */
export const claimRefsKey = (claimId: string) => `claim-refs:${claimId}`;
/** A known gap entry accepting findings of `rule` for subject `id`. */
export const gapKey = (rule: string, id: string) => `gap:${id}:${rule}`;
/** A site page (route path) whose anchors come from records. */
export const pageKey = (path: string) => `page:${path}`;
/** Matches any text in a quarantine key. */
export const ANY = '*';

/**
 * Leak rules: a secret in a file is its own problem even when the file also fails its schema (a
 * secret can break a file's JSON or drift its digest), so their findings are never dropped.
 */
export const LEAK_RULES: ReadonlySet<string> = new Set(['secret-scan', 'source-secret-scan', 'run-manifest-unsafe']);

/** True for the schema rule of an input (`claim-schema`, `evidence-schema`, …): its findings quarantine their file by default. */
export const isSchemaRule = (rule: string) => rule.endsWith('-schema');

/** A completed finding with the quarantine keys its draft named. */
export interface KeyedFinding {
  finding: Finding;
  quarantine: readonly string[];
  covers: readonly string[];
  depends: readonly string[];
}

/** The keys a draft of `rule` carries (a schema rule's error quarantines its file unless it says otherwise). */
export function keysOf(rule: string, draft: FindingDraft): Omit<KeyedFinding, 'finding'> {
  const error = (draft.level ?? 'error') === 'error';
  const quarantine = draft.quarantine ?? (isSchemaRule(rule) ? [draft.file] : []);
  return { quarantine: error ? quarantine : [], covers: error ? (draft.covers ?? []) : [], depends: draft.depends ?? [] };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for a set of keys, where `*` in a key matches any text. */
function matcher(keys: Iterable<string>): (key: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const key of keys) {
    if (key.includes(ANY)) patterns.push(new RegExp(`^${key.split(ANY).map(escapeRegExp).join('.*')}$`, 's'));
    else exact.add(key);
  }
  return (key) => exact.has(key) || patterns.some((p) => p.test(key));
}

/** What a finding rests on: its file, its gap entry and what it declares. */
const dependencies = (k: KeyedFinding) => [k.finding.file, gapKey(k.finding.rule, k.finding.id), ...k.depends];

/** Findings whose dependency `keys` of other findings explain, in two levels: quarantine first, then covers. */
function dropExplained(findings: readonly KeyedFinding[], keysOf: (k: KeyedFinding) => readonly string[]): KeyedFinding[] {
  const explaining = findings.filter((k) => keysOf(k).length > 0);
  if (explaining.length === 0) return [...findings];
  const match = matcher(explaining.flatMap(keysOf));
  return findings.filter((k) => {
    if (keysOf(k).length > 0) return true; // an explaining finding is itself a root at this level
    if (LEAK_RULES.has(k.finding.rule)) return true; // a leak is never a consequence of a broken file
    return !dependencies(k).some(match);
  });
}

/**
 * The findings that are not consequences of another reported one. Schema findings (quarantine) are
 * never dropped; a covering finding is dropped only by a quarantine; others by either.
 */
export function withoutConsequences(findings: readonly KeyedFinding[]): Finding[] {
  const afterQuarantine = dropExplained(findings, (k) => k.quarantine);
  return dropExplained(afterQuarantine, (k) => [...k.quarantine, ...k.covers]).map((k) => k.finding);
}
