/**
 * Resolves claim evidence refs (`<kind>/<subject>[#<fragment>]`) against committed sources:
 * evidence files (read as committed, so a claim can only cite what is in the tree) and
 * authored records. Record kinds plug in through `RefSources.records`.
 */
import { EVIDENCE_KINDS, evidenceKindOf, type EvidenceKind } from '../evidence/index.ts';

export interface ParsedRef {
  ref: string;
  kind: string;
  subject: string;
  fragment: string | null;
}

export function parseRef(ref: string): ParsedRef {
  const [path, fragment] = ref.split('#', 2) as [string, string | undefined];
  const slash = path.indexOf('/');
  return { ref, kind: path.slice(0, slash), subject: path.slice(slash + 1), fragment: fragment ?? null };
}

export type ResolvedStatus = 'passed' | 'failed' | 'skipped' | 'recorded';

export interface Resolution {
  /** False when nothing matches the ref. */
  found: boolean;
  /** passed/failed/skipped for evidence and smoke entries; `recorded` for authored records. */
  status: ResolvedStatus | null;
  /** Repository-relative file the ref resolved to (or would have). */
  source: string;
  /** Evidence files: produced without any runtime manifest, i.e. in a plain checkout. */
  checkoutSafe: boolean;
  /** Records: whether they state a blocker and a revisit trigger. */
  deferral: { blocker: boolean; revisitTrigger: boolean } | null;
  /** One sentence for findings and pages. */
  detail: string;
  /** Live-smoke entries: the authored run date (YYYY-MM-DD). */
  date?: string;
}

/** Resolves refs of one authored-record kind (design records, selection records, live smoke…). */
export type RecordResolver = (subject: string, fragment: string | null) => Resolution;

export interface RefSources {
  /** Committed files under evidence/, keyed by path relative to evidence/. */
  evidence: ReadonlyMap<string, string>;
  /** Resolvers for non-evidence kinds, keyed by kind. */
  records: Readonly<Record<string, RecordResolver>>;
}

const notFound = (source: string, detail: string): Resolution => ({
  found: false,
  status: null,
  source,
  checkoutSafe: false,
  deferral: null,
  detail,
});

interface AnyCase {
  id?: string;
  capability?: string;
  fixture_id?: string;
  scenario?: string;
  case_id?: string;
  status?: string;
  passed?: boolean;
}

/** Cases of a document that a fragment selects, whatever the evidence kind calls its cases. */
function selectCases(body: Record<string, unknown>, fragment: string): AnyCase[] {
  const lists = ['cases', 'scenarios'].flatMap((key) => (Array.isArray(body[key]) ? (body[key] as AnyCase[]) : []));
  return lists.filter((c) => [c.id, c.capability, c.fixture_id, c.scenario, c.case_id].includes(fragment));
}

const caseStatus = (c: AnyCase): 'passed' | 'failed' => (c.status === 'failed' || c.passed === false ? 'failed' : 'passed');

function resolveEvidence(parsed: ParsedRef, evidence: ReadonlyMap<string, string>): Resolution {
  const path = `${parsed.kind}/${parsed.subject}.json`;
  const source = `evidence/${path}`;
  const text = evidence.get(path);
  if (text === undefined) return notFound(source, `no evidence file ${source}`);
  let doc: { status?: string; runtime_manifest?: unknown; body?: Record<string, unknown> };
  try {
    doc = JSON.parse(text);
  } catch {
    return notFound(source, `${source} is not valid JSON`);
  }
  const checkoutSafe = doc.runtime_manifest === null;
  const docStatus = (doc.status ?? 'failed') as ResolvedStatus;
  if (parsed.fragment === null) {
    return { found: true, status: docStatus, source, checkoutSafe, deferral: null, detail: `${source}: ${docStatus}` };
  }
  const cases = selectCases(doc.body ?? {}, parsed.fragment);
  if (cases.length === 0) return notFound(source, `${source} has no case '${parsed.fragment}'`);
  const status = cases.some((c) => caseStatus(c) === 'failed') ? 'failed' : docStatus === 'skipped' ? 'skipped' : 'passed';
  return {
    found: true,
    status,
    source,
    checkoutSafe,
    deferral: null,
    detail: `${source}#${parsed.fragment}: ${cases.length} case(s) ${status}`,
  };
}

export function resolveRef(ref: string, sources: RefSources): Resolution {
  const parsed = parseRef(ref);
  if (parsed.kind in EVIDENCE_KINDS) return resolveEvidence(parsed, sources.evidence);
  const resolver = sources.records[parsed.kind];
  if (resolver) return resolver(parsed.subject, parsed.fragment);
  const known = [...Object.keys(EVIDENCE_KINDS), ...Object.keys(sources.records)].join(', ');
  return notFound(ref, `unknown evidence kind '${parsed.kind}' (known: ${known})`);
}

/** The evidence kind of a ref when it names evidence files, else null. */
export const evidenceKindOfRef = (ref: string): EvidenceKind | null => evidenceKindOf(`${parseRef(ref).kind}/x.json`);
