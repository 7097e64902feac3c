/**
 * Freezing a release: `buildRelease` gathers everything a release states — the evidence index
 * digest, every evidence file's status, benchmark evidence when present, the live-smoke registry
 * with ages, the claim map with each claim's backing state, linked bundles — runs the check in
 * release mode, and returns the release document (built by the one envelope builder) and its
 * in-toto statement. Nothing is written here; `writeRelease` validates, then writes atomically.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { buildStatement, PREDICATE_TYPES, type Statement, statementLine } from '../bundles/intoto.ts';
import type { Finding } from '../checks/finding.ts';
import type { CheckData } from '../checks/slices.ts';
import { resolveRef } from '../claims/refs.ts';
import { canonicalJson, sha256Tag } from '../digest.ts';
import { evidenceIndexSchema, INDEX_PATH } from '../evidence/evidence-index.ts';
import { buildEvidenceDocument } from '../evidence/suite/document.ts';
import { RELEASES_DIR, releaseVersions } from '../kinds/releases/suite.ts';
import {
  type BackingState,
  RELEASES_KIND,
  type ReleaseBody,
  type ReleaseClaim,
  type ReleaseEvidence,
  releaseCommand,
  releaseEvidenceSchema,
  SEMVER_PATTERN,
} from '../kinds/releases/schema.ts';
import { LIVE_SMOKE_DIR, liveSmokeEntrySchema } from '../live-smoke.ts';
import { formatIssues, zodIssues } from '../validation.ts';
import { releaseModeFindings } from './mode.ts';
import { sortVersions } from './semver.ts';
import { jsonFailure, parseJsonStrict, strictJsonValue } from '../strict-json.ts';

export class ReleaseUsageError extends Error {}

export { releaseCommand };

/** The latest committed release other than `except`, by semver. */
export function latestRelease(root: string, except?: string): string | null {
  const versions = sortVersions(releaseVersions(join(root, RELEASES_DIR)).filter((v) => v !== except));
  return versions.at(-1) ?? null;
}

const CLAIM_RULES = /^claim-/;

function backingOf(id: string, findings: readonly Finding[]): { backing: BackingState; lines: string[] } {
  const mine = findings.filter((f) => f.id === id && CLAIM_RULES.test(f.rule));
  const lines = mine.map((f) => `${f.rule} (${f.level}): ${f.found}`);
  if (mine.some((f) => f.level === 'error' && !f.details?.startsWith('release mode'))) return { backing: 'unbacked', lines };
  if (mine.length) return { backing: 'known-gap', lines };
  return { backing: 'backed', lines };
}

function liveSmoke(root: string, date: string): ReleaseBody['live_smoke'] {
  const dir = join(root, LIVE_SMOKE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      // An unreadable entry is the check's live-smoke-schema finding; the release lists valid ones.
      const json = parseJsonStrict(readFileSync(join(dir, name), 'utf8'), name);
      const parsed = liveSmokeEntrySchema().safeParse(json.ok ? json.value : undefined);
      if (!json.ok || !parsed.success) return [];
      const e = parsed.data;
      const age = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${e.date}T00:00:00Z`)) / 86_400_000);
      return [
        {
          provider: e.provider,
          capability: e.capability,
          status: e.status,
          date: e.date,
          age_days: age,
          version: e.version,
          command: e.command,
        },
      ];
    });
}

function linkedBundles(dirs: readonly string[]): ReleaseBody['bundles'] {
  return dirs.map((dir) => {
    const file = join(dir, 'bundle.json');
    if (!existsSync(file))
      throw new ReleaseUsageError(`--bundle ${dir}: no bundle.json there (write one with \`runs bundle\` or \`evidence bundle\`)`);
    const text = readFileSync(file, 'utf8');
    let doc: { schema?: string; run?: { run_id?: string } };
    try {
      doc = strictJsonValue(text, 'bundle.json') as typeof doc;
    } catch (error) {
      throw new ReleaseUsageError(`--bundle ${dir}: bundle.json is not a bundle manifest (${jsonFailure(error)})`);
    }
    if (doc === null || typeof doc !== 'object') throw new ReleaseUsageError(`--bundle ${dir}: bundle.json is not a JSON object`);
    return { name: doc.run?.run_id ?? dir.split(/[\\/]/).filter(Boolean).at(-1)!, schema: String(doc.schema), sha256: sha256Tag(text) };
  });
}

export interface ReleaseBuild {
  document: ReleaseEvidence;
  statement: Statement;
  /** Every finding of the check in release mode (errors and warnings). */
  findings: Finding[];
}

export interface ReleaseOptions {
  version: string;
  /** Day of the release, YYYY-MM-DD (default: today, UTC). */
  date?: string;
  /** Bundle folders to link. */
  bundles?: readonly string[];
  /** Repository root. */
  root: string;
  /** The loaded check data and its findings (from scripts/check.ts). */
  check: { data: Pick<CheckData, 'claims' | 'refs' | 'evidence'>; findings: readonly Finding[] };
}

export function buildRelease(options: ReleaseOptions): ReleaseBuild {
  const { version, root } = options;
  if (!SEMVER_PATTERN.test(version)) throw new ReleaseUsageError(`--version '${version}' is not a semver version such as 0.1.0`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new ReleaseUsageError(`--date '${date}' is not YYYY-MM-DD`);
  const { data } = options.check;
  const indexText = data.evidence.committed.get(INDEX_PATH);
  if (indexText === undefined) throw new ReleaseUsageError('evidence/index.json is missing: run `npm run evidence` first');
  const index = evidenceIndexSchema().parse(strictJsonValue(indexText, INDEX_PATH));
  const claims = data.claims.claims;
  const findings = releaseModeFindings(options.check.findings, claims, latestRelease(root, version));
  const errors = findings.filter((f) => f.level === 'error');
  const documents = index.files.filter((f) => f.kind === 'evidence' && !f.path.startsWith(`${RELEASES_KIND.id}/`));
  const body: ReleaseBody = {
    version,
    date,
    evidence_index_sha256: sha256Tag(indexText),
    suites: documents.map((f) => ({ path: f.path, schema: f.schema, status: f.status ?? 'failed', sha256: f.sha256 })),
    benchmarks: documents
      .filter((f) => f.path.startsWith('benchmarks/'))
      .map((f) => ({ path: f.path, status: f.status ?? 'failed', sha256: f.sha256 })),
    live_smoke: liveSmoke(root, date),
    claims: claims.map(({ value: c }): ReleaseClaim => {
      const { backing, lines } = backingOf(c.id, findings);
      return {
        id: c.id,
        statement: c.statement,
        area: c.area,
        class: c.class,
        backing,
        evidence: c.evidence.map((ref) => {
          const r = resolveRef(ref, data.refs);
          return { ref, found: r.found, status: r.status, source: r.source };
        }),
        findings: lines,
      };
    }),
    release_check: {
      ok: errors.length === 0,
      errors: errors.map((f) => ({ rule: f.rule, id: f.id, file: f.file, found: f.found })),
      warning_count: findings.length - errors.length,
    },
    bundles: linkedBundles(options.bundles ?? []),
  };
  const built = buildEvidenceDocument(RELEASES_KIND, {
    name: version,
    subject: { preset: version },
    suite_version: '1',
    inputs: [],
    body,
    status: errors.length === 0 ? 'passed' : 'failed',
    event_count: 0,
    claim_boundary:
      'A release file freezes what the repository claimed and what backed each claim on the day it was cut; it does not re-run anything later, and says nothing about hosts, models or upstream services beyond the evidence it lists.',
  });
  // The envelope keeps the one convention (`evidence generate --only releases/<v>` reproduces this
  // file, from its frozen copy); the command that froze it is `releaseCommand(version)`.
  const document = releaseEvidenceSchema().parse(built);
  const subjects = new Map<string, string | Uint8Array>([[`${RELEASES_DIR}/${version}.json`, canonicalJson(document)]]);
  for (const f of documents) {
    const file = join(root, 'evidence', ...f.path.split('/'));
    if (existsSync(file)) subjects.set(`evidence/${f.path}`, readFileSync(file));
  }
  const statement = buildStatement(subjects, PREDICATE_TYPES.release, {
    subject_base: 'repository',
    version,
    status: document.status,
    evidence_index_sha256: body.evidence_index_sha256,
    release_schema: RELEASES_KIND.schemaName,
  });
  return { document, statement, findings };
}

/** Writes `evidence/releases/<version>.json` and its statement next to it; returns both paths. */
export function writeRelease(root: string, build: ReleaseBuild): { file: string; statement: string } {
  const parsed = releaseEvidenceSchema().safeParse(build.document);
  if (!parsed.success) throw new Error(`release document invalid:\n${formatIssues(zodIssues(parsed.error, build.document))}`);
  const version = build.document.body.version;
  const file = `${RELEASES_DIR}/${version}.json`;
  const statement = `${RELEASES_DIR}/${version}.intoto.jsonl`;
  writeFileAtomic(join(root, ...file.split('/')), canonicalJson(build.document));
  writeFileAtomic(join(root, ...statement.split('/')), statementLine(build.statement));
  return { file, statement };
}
