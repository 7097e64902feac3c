/**
 * What the workbench knows about one subject — a catalog provider, a scaffold or a selection-record
 * candidate — read from the repository: profile, runtime manifest or stub, committed conformance
 * evidence, fixtures, recorded exchanges, live-smoke entries, records, claims and a redaction scan
 * of the provider's files. This is the only workbench module that does I/O; everything it returns
 * is JSON-safe and names files by repository-relative path only, so the flow and the renderers
 * are pure and a report is safe to paste into an issue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPABILITIES, type Capability } from '../capabilities/index.ts';
import { loadClaims } from '../claims/load.ts';
import { loadCorpus } from '../fixtures/load.ts';
import { liveSmokeEntrySchema } from '../live-smoke.ts';
import type { PromotionLevel } from '../promotion/requirements.ts';
import { CATALOG } from '../providers/catalog.ts';
import { MATURITIES, type ProviderProfile } from '../providers/profile.ts';
import { findSecrets } from '../redaction.ts';
import { loadRecords } from '../records/load.ts';
import { EXCHANGES_DIR, loadExchanges } from '../replay/exchange.ts';
import { providerPath } from '../site/routes.ts';
import { orderedCapabilities, runtimeManifestStubSchema, runtimeStubPath, scaffoldPaths } from '../scaffold/layout.ts';
import { strictJsonValue } from '../strict-json.ts';

export type SubjectSource = 'catalog' | 'scaffold' | 'candidate';

export interface CandidateFacts {
  record: string;
  decision: string;
  blocker: string | null;
  revisitTrigger: string | null;
  designRecord: string | null;
}

export type RuntimeFacts =
  | { status: 'manifest'; id: string; triageCodes: string[]; smokeCommands: number }
  | { status: 'stub'; path: string; missing: string[] }
  | { status: 'none' };

export interface ConformanceFacts {
  path: string;
  /** Whether the committed evidence exists and every case passed. */
  status: 'passed' | 'failed' | 'missing';
  cases: { id: string; capability: Capability; kind: string; advertised: boolean; status: string }[];
  /** Whether the committed evidence's profile differs from the code's profile (docs and catalog drift). */
  profileDrift: boolean;
}

export interface WorkbenchFacts {
  subject: string;
  source: SubjectSource;
  /** Declared maturity (catalog or scaffold profile); null for a candidate without a scaffold. */
  maturity: PromotionLevel | null;
  runtimeOwnership: ProviderProfile['runtime_ownership'] | null;
  advertised: Capability[];
  /** Advertised plus planned (scaffold stub, selection candidate) capabilities. */
  capabilities: Capability[];
  runtime: RuntimeFacts;
  /** Whether the provider declares operations with a smoke spec (`npx worldforge smoke <name>`). */
  smokeSpec: boolean;
  conformance: ConformanceFacts;
  /** Recorded exchanges and the error codes they expect. */
  exchanges: { path: string; error: string | null }[];
  placeholders: string[];
  capabilityFixtures: { capability: Capability; valid: number; invalid: number }[];
  liveSmoke: { path: string; capability: string; status: string; endpoint: string | null }[];
  designRecords: string[];
  candidate: CandidateFacts | null;
  readmeListed: boolean;
  docsStub: string | null;
  /** Claim ids citing the subject's evidence, by class (release-gated; checkout-tested). */
  releaseGatedClaims: string[];
  checkoutTestedClaims: string[];
  /** Files scanned for secrets, and what was found (kind only; the value never leaves). */
  redaction: { scanned: string[]; hits: { file: string; kind: string }[] };
}

export class UnknownSubjectError extends Error {}

const readJson = (root: string, path: string): unknown => {
  try {
    return strictJsonValue(readFileSync(join(root, path), 'utf8'), path);
  } catch {
    return null;
  }
};

const listDir = (root: string, dir: string, pattern: RegExp): string[] => {
  try {
    return readdirSync(join(root, dir))
      .filter((n) => pattern.test(n))
      .sort()
      .map((n) => `${dir}/${n}`);
  } catch {
    return [];
  }
};

/** Where a subject id is known: the catalog, a scaffold stub, or a selection-record candidate. */
export function findSubject(root: string, subject: string): SubjectSource {
  if (CATALOG[subject]) return 'catalog';
  if (existsSync(join(root, runtimeStubPath(subject)))) return 'scaffold';
  if (selectionCandidate(root, subject)) return 'candidate';
  throw new UnknownSubjectError(
    `'${subject}' is not a catalog provider, a scaffold (${runtimeStubPath(subject)}) or a selection-record candidate`,
  );
}

function selectionCandidate(root: string, subject: string) {
  for (const record of loadRecords(root).selection) {
    const candidate = record.data.candidates.find((c) => c.id === subject);
    if (candidate) return { record: record.data.id, candidate };
  }
  return null;
}

function conformanceFacts(root: string, subject: string, profile: ProviderProfile | null): ConformanceFacts {
  const path = `evidence/conformance/${subject}.json`;
  const doc = readJson(root, path) as { body?: { profile?: unknown; cases?: ConformanceFacts['cases'] } } | null;
  const cases = doc?.body?.cases ?? [];
  if (!doc) return { path, status: 'missing', cases: [], profileDrift: false };
  return {
    path,
    status: cases.length && cases.every((c) => c.status === 'passed') ? 'passed' : 'failed',
    cases: cases.map(({ id, capability, kind, advertised, status }) => ({ id, capability, kind, advertised, status })),
    profileDrift: profile !== null && JSON.stringify(sortKeys(doc.body?.profile)) !== JSON.stringify(sortKeys(profile)),
  };
}

const sortKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : value;

function redactionScan(root: string, files: readonly string[]): WorkbenchFacts['redaction'] {
  const scanned = files.filter((f) => existsSync(join(root, f)));
  const hits = scanned.flatMap((file) => findSecrets(readFileSync(join(root, file), 'utf8')).map((hit) => ({ file, kind: hit.kind })));
  return { scanned, hits };
}

/** Reads every fact about `subject` from the repository at `root`. Throws `UnknownSubjectError`. */
export function gatherFacts(root: string, subject: string): WorkbenchFacts {
  const source = findSubject(root, subject);
  const entry = CATALOG[subject];
  const profile = entry ? entry.create({}).profile : null;
  const stubPath = runtimeStubPath(subject);
  const stubParsed = source === 'scaffold' ? runtimeManifestStubSchema().safeParse(readJson(root, stubPath)) : null;
  const stub = stubParsed?.success ? stubParsed.data : null;
  const found = selectionCandidate(root, subject);
  const planned = [...(stub?.planned_capabilities ?? []), ...((found?.candidate.capabilities ?? []) as Capability[])];
  const advertised = profile?.capabilities ?? [];
  const capabilities = orderedCapabilities([...advertised, ...planned.filter((c) => CAPABILITIES.includes(c))]);

  const runtime: RuntimeFacts = entry?.runtime
    ? {
        status: 'manifest',
        id: entry.runtime.id,
        triageCodes: entry.runtime.triage.map((t) => t.error_code),
        smokeCommands: entry.runtime.smoke_commands.length,
      }
    : stub
      ? { status: 'stub', path: stubPath, missing: stub.missing }
      : { status: 'none' };

  let exchanges: WorkbenchFacts['exchanges'] = [];
  try {
    exchanges = loadExchanges(root, subject).map((e) => ({ path: e.path, error: e.expect.ok ? null : e.expect.error }));
  } catch {
    exchanges = listDir(root, `${EXCHANGES_DIR}/${subject}`, /\.json$/).map((path) => ({ path, error: null }));
  }
  const corpus = loadCorpus(root);
  const liveSmoke = listDir(root, 'content/live-smoke', new RegExp(`^${subject}-[a-z]+\\.json$`)).flatMap((path) => {
    const parsed = liveSmokeEntrySchema().safeParse(readJson(root, path));
    return parsed.success ? [{ path, capability: parsed.data.capability, status: parsed.data.status, endpoint: parsed.data.endpoint }] : [];
  });
  const records = loadRecords(root);
  const designRecords = records.design
    .filter((r) => r.data.id === subject || r.data.id.startsWith(`${subject}-`) || r.data.id === found?.candidate.design_record)
    .map((r) => r.path);
  const citing = loadClaims(root).claims.filter((c) => c.value.evidence.some((ref) => ref.split(/[/#]/).includes(subject)));
  const claimsOf = (cls: string) => citing.filter((c) => c.value.class === cls).map((c) => c.value.id);
  const scaffoldFiles = stub ? scaffoldPaths(subject, stub.planned_capabilities) : null;
  const docsStub = scaffoldFiles && existsSync(join(root, scaffoldFiles.docs)) ? scaffoldFiles.docs : null;
  const conformance = conformanceFacts(root, subject, profile);
  const maturity = profile?.maturity ?? (stub ? 'scaffold' : null);

  return {
    subject,
    source,
    maturity: maturity && (MATURITIES as readonly string[]).includes(maturity) ? maturity : null,
    runtimeOwnership: profile?.runtime_ownership ?? stub?.runtime_ownership ?? found?.candidate.runtime_ownership ?? null,
    advertised,
    capabilities,
    runtime,
    smokeSpec: Boolean(entry?.operations),
    conformance,
    exchanges,
    placeholders: listDir(root, `fixtures/scaffolds/${subject}`, /\.placeholder\.json$/),
    capabilityFixtures: capabilities.map((capability) => ({
      capability,
      valid: corpus.filter((f) => f.capability === capability && f.expect.ok).length,
      invalid: corpus.filter((f) => f.capability === capability && !f.expect.ok).length,
    })),
    liveSmoke,
    designRecords,
    candidate: found
      ? {
          record: found.record,
          decision: found.candidate.decision,
          blocker: found.candidate.blocker ?? null,
          revisitTrigger: found.candidate.revisit_trigger ?? null,
          designRecord: found.candidate.design_record ?? null,
        }
      : null,
    readmeListed: readFileSync(join(root, 'README.md'), 'utf8').includes(`](${providerPath(subject)})`),
    docsStub,
    releaseGatedClaims: claimsOf('release-gated'),
    checkoutTestedClaims: claimsOf('checkout-tested'),
    redaction: redactionScan(root, [
      // Published files only: recorded exchanges hold planted fake secrets on purpose (redaction tests).
      conformance.path,
      ...liveSmoke.map((l) => l.path),
      ...(scaffoldFiles ? [scaffoldFiles.runtimeStub, ...scaffoldFiles.fixtures] : []),
    ]),
  };
}
