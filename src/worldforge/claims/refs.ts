/**
 * Resolves claim evidence refs (`<kind>/<subject>[#<fragment>]`) against committed sources:
 * evidence files (read as committed, so a claim can only cite what is in the tree) and authored
 * records. Each kind says how its refs resolve: a generated kind names the cases a fragment
 * selects (src/worldforge/kinds/<kind>/kind.ts), an authored kind brings a resolver through
 * `RefSources.records` (built from the registry by `repoRefSources`).
 */
import type { EvidenceKindDefinition, RefCase } from '../kinds/define.ts';
import { generatedKindById } from '../kinds/registry.ts';
import { unresolved } from '../kinds/resolution.ts';
import type { EvidenceStatus } from '../schema/primitives.ts';
import { CLAIM_REF_PATTERN, refEscape } from './schema.ts';
import { EVIDENCE_KINDS, evidenceFile, evidenceKindOf, type EvidenceKind } from '../evidence/index.ts';
import { storedEvidence } from '../evidence/store.ts';

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

/**
 * An evidence status; `recorded` for an authored record (which has no outcome of its own);
 * `refused` when a broad fragment (a capability) selects only refusal cases, which show that the
 * capability is refused, never that it works.
 */
export type ResolvedStatus = EvidenceStatus | 'recorded' | 'refused';

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
  /** Records: the record's (or candidate's) current decision, which a deferred or unsupported claim must agree with. */
  decision?: string | null;
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

/**
 * The cases of a committed document that a fragment selects. A document that does not have the
 * shape its kind expects (a hand edit the evidence-schema rule reports) selects nothing.
 */
function selectCases(kind: EvidenceKindDefinition, doc: unknown, fragment: string): RefCase[] {
  const cacheable = typeof doc === 'object' && doc !== null;
  let cases = cacheable ? casesOf.get(doc) : undefined;
  if (!cases) {
    try {
      cases = kind.refCases(doc);
    } catch {
      cases = [];
    }
    if (cacheable) casesOf.set(doc, cases);
  }
  return cases.filter((c) => c.keys.includes(fragment));
}

/** The cases of each parsed document, computed once per document (not once per ref). */
const casesOf = new WeakMap<object, readonly RefCase[]>();

type ParsedDocument = { status?: string; runtime_manifest?: unknown } | typeof NOT_JSON;
const NOT_JSON = Symbol('not JSON');

/**
 * Parsed evidence documents per evidence tree: each file is parsed once however many refs cite
 * it (a corpus with many cases per file would otherwise parse the file once per ref).
 */
const parsedDocuments = new WeakMap<ReadonlyMap<string, string>, Map<string, ParsedDocument>>();

function parsedDocument(evidence: ReadonlyMap<string, string>, path: string, text: string): ParsedDocument {
  let documents = parsedDocuments.get(evidence);
  if (!documents) {
    documents = new Map();
    parsedDocuments.set(evidence, documents);
  }
  let doc = documents.get(path);
  if (doc === undefined) {
    // The evidence store's strict parse (shared with the schema rules, so never parsed twice): a
    // file with a duplicated key says two things, so no ref resolves in it.
    const entry = storedEvidence(path, text);
    doc = entry.ok || entry.stage === 'schema' ? (entry.json as Exclude<ParsedDocument, typeof NOT_JSON>) : NOT_JSON;
    documents.set(path, doc);
  }
  return doc;
}

function resolveEvidence(kind: EvidenceKindDefinition, parsed: ParsedRef, evidence: ReadonlyMap<string, string>): Resolution {
  const path = `${parsed.kind}/${parsed.subject}.json`;
  const source = evidenceFile(path);
  const text = evidence.get(path);
  if (text === undefined) return unresolved(source, `no evidence file ${source}`);
  const doc = parsedDocument(evidence, path, text);
  if (doc === NOT_JSON) return unresolved(source, `${source} is not valid JSON`);
  const checkoutSafe = doc.runtime_manifest === null;
  const docStatus = (doc.status ?? 'failed') as ResolvedStatus;
  if (parsed.fragment === null) {
    return { found: true, status: docStatus, source, checkoutSafe, deferral: null, detail: `${source}: ${docStatus}` };
  }
  const cases = selectCases(kind, doc, parsed.fragment);
  if (cases.length === 0) return unresolved(source, `${source} has no case '${parsed.fragment}'`);
  if (cases.every((c) => c.refusal && c.keys[0] !== parsed.fragment)) {
    const ids = cases.map((c) => c.keys[0]).filter(Boolean);
    return {
      found: true,
      status: 'refused',
      source,
      checkoutSafe,
      deferral: null,
      detail: `${source}#${parsed.fragment} selects only refusal cases (${ids.join(', ')}): they show that '${parsed.fragment}' is refused, not that it works; cite ${ids.map((id) => `#${id}`).join(' or ')} to claim the refusal`,
    };
  }
  const status = cases.some((c) => c.status === 'failed') ? 'failed' : docStatus === 'skipped' ? 'skipped' : 'passed';
  return {
    found: true,
    status,
    source,
    checkoutSafe,
    deferral: null,
    detail: `${source}#${parsed.fragment}: ${cases.length} case(s) ${status}`,
  };
}

/**
 * Resolutions already computed per set of sources. Resolving is pure for a given `RefSources`, and
 * several claim rules (unknown, failed, class backing, coverage, staleness) and the claims page ask
 * about the same refs: each ref is parsed, read and resolved once.
 */
const resolved = new WeakMap<RefSources, Map<string, Resolution>>();

export function resolveRef(ref: string, sources: RefSources): Resolution {
  let cache = resolved.get(sources);
  if (!cache) {
    cache = new Map();
    resolved.set(sources, cache);
  }
  let resolution = cache.get(ref);
  if (!resolution) {
    resolution = Object.freeze(resolveUncached(ref, sources));
    cache.set(ref, resolution);
  }
  return resolution;
}

function resolveUncached(ref: string, sources: RefSources): Resolution {
  // Refs reach resolvers that map them to files: one that could leave the repository resolves to nothing.
  const leak = refEscape(ref);
  if (leak !== null || !CLAIM_REF_PATTERN.test(ref)) {
    return unresolved(ref, `${ref} is not a confined ref (${leak ?? 'not <kind>/<subject>[#<case>]'}); it resolves to nothing`);
  }
  const parsed = parseRef(ref);
  const kind = generatedKindById(parsed.kind);
  if (kind) return resolveEvidence(kind, parsed, sources.evidence);
  const resolver = Object.hasOwn(sources.records, parsed.kind) ? sources.records[parsed.kind] : undefined;
  if (resolver) return resolver(parsed.subject, parsed.fragment);
  const known = [...Object.keys(EVIDENCE_KINDS), ...Object.keys(sources.records)].join(', ');
  return unresolved(ref, `unknown evidence kind '${parsed.kind}' (known: ${known})`);
}

/** The evidence kind of a ref when it names evidence files, else null. */
export const evidenceKindOfRef = (ref: string): EvidenceKind | null => evidenceKindOf(`${parseRef(ref).kind}/x.json`);
