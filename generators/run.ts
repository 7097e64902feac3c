/**
 * Orchestrates the suites: builds every evidence document in memory, renders canonical JSON, adds
 * the exported JSON Schemas and `index.json`, and (for `npm run evidence`) writes them atomically.
 * `npm run check` calls `buildEvidence` and compares instead of writing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import {
  EVIDENCE_DIR,
  EVIDENCE_KINDS,
  evidenceFile,
  INDEX_PATH,
  INDEX_SCHEMA,
  evidenceKindOf,
  evidenceSchemaOf,
  type EvidenceIndex,
} from '../src/worldforge/evidence/index.ts';
import { readEvidenceDir } from '../src/worldforge/evidence/read.ts';
import { storedEvidence } from '../src/worldforge/evidence/store.ts';
import { assertValidInputCorpora } from '../src/worldforge/evidence/suite/inputs.ts';
import { repoPath } from '../src/worldforge/evidence/suite/repo.ts';
import type { SuiteSubject } from '../src/worldforge/kinds/define.ts';
import type { EvidenceStatus } from '../src/worldforge/schema/primitives.ts';
import { catalogProfiles } from '../src/worldforge/providers/catalog.ts';
import { renderProviderTable, spliceProviderTable } from '../src/worldforge/readme/provider-table.ts';
import { unsafeValues } from '../src/worldforge/redaction.ts';
import { timed } from '../src/worldforge/timings.ts';
import { formatIssues, zodIssues } from '../src/worldforge/validation.ts';
import { jsonSchemaFiles, SCHEMA_DIR } from './json-schemas.ts';

/** A suite subject: one evidence file, addressed as `<kind>/<subject>` (its path minus `.json`). */
export interface Subject extends Omit<SuiteSubject, 'name'> {
  id: string;
}

/** Every subject of every generated kind, in registry order (each kind's suite is loaded here, lazily). */
export async function allSubjects(): Promise<Subject[]> {
  const perKind = await Promise.all(
    Object.values(EVIDENCE_KINDS).map(async (kind) =>
      (await kind.subjects()).map(({ name, ...subject }) => ({ ...subject, id: `${kind.id}/${name}` })),
    ),
  );
  return perKind.flat();
}

export interface Selection {
  /** Subject ids or id prefixes (`conformance` or `conformance/mock`). */
  only?: readonly string[];
  /** `{index: 1-based, count}`: keep every count-th subject starting at index. */
  shard?: { index: number; count: number };
}

export function selectSubjects(subjects: readonly Subject[], selection: Selection = {}): Subject[] {
  const { only, shard } = selection;
  let picked = [...subjects];
  if (only?.length) {
    const unknown = only.filter((o) => !subjects.some((s) => s.id === o || s.id.startsWith(`${o}/`)));
    if (unknown.length) {
      throw new SelectionError(`--only: unknown subject ${unknown.join(', ')}. Known: ${subjects.map((s) => s.id).join(', ')}`);
    }
    picked = picked.filter((s) => only.some((o) => s.id === o || s.id.startsWith(`${o}/`)));
  }
  if (shard) picked = picked.filter((_, k) => k % shard.count === shard.index - 1);
  return picked;
}

export class SelectionError extends Error {}

/** A suite produced a document that breaks its own schema: a generator bug, reported before writing. */
export class InvalidEvidenceError extends Error {}

/**
 * The canonical JSON of a suite's document, once it is known to be valid and safe to write. The
 * text itself is validated (through the evidence store, so the check's rules reuse this parse),
 * since the text is what gets written.
 */
function validatedText(path: string, document: unknown): string {
  const kind = evidenceKindOf(path);
  if (!kind) throw new InvalidEvidenceError(`${evidenceFile(path)}: no evidence kind owns this folder`);
  let text: string | null = null;
  try {
    text = canonicalJson(document);
  } catch {
    // Not JSON-safe (undefined, NaN, a function): the schema below says where.
  }
  const entry = text === null ? null : storedEvidence(path, text);
  if (!entry?.ok) {
    const parsed = evidenceSchemaOf(kind).safeParse(document);
    const reason = parsed.success ? 'it cannot be written as canonical JSON' : formatIssues(zodIssues(parsed.error, document));
    throw new InvalidEvidenceError(`${evidenceFile(path)}: the suite produced an invalid document; nothing was written.\n${reason}`);
  }
  // Fail closed: a secret, signed URL or host path in a document stops the run; never rewritten.
  const unsafe = unsafeValues(entry.json);
  if (unsafe.length) {
    throw new InvalidEvidenceError(
      `${evidenceFile(path)}: the suite produced unsafe values; nothing was written.\n${unsafe.map((u) => `${u.path}: ${u.reason}`).join('\n')}\nhint: pass upstream text through redactText() in the adapter or suite.`,
    );
  }
  return text as string;
}

/** Generated files, keyed by path relative to `evidence/`, in canonical JSON. */
export type EvidenceFiles = Map<string, string>;

/**
 * Runs the selected suites and renders their documents. `onProgress` receives one line per subject.
 * Every input corpus is validated first, so invalid fixtures or recorded exchanges throw one
 * `FixtureCorpusError` listing all their problems before any suite runs.
 */
export async function buildDocuments(subjects: readonly Subject[], onProgress?: (line: string) => void): Promise<EvidenceFiles> {
  timed('suites: validate input corpora', assertValidInputCorpora);
  const files: EvidenceFiles = new Map();
  const builds = subjects.map((subject) => timed(`suite: ${subject.id}`, () => subject.build()));
  for (const build of builds) build.catch(() => {});
  for (const [k, subject] of subjects.entries()) {
    onProgress?.(`running ${subject.id}`);
    const path = `${subject.id}.json`;
    const document = await builds[k];
    files.set(
      path,
      timed('suites: validate documents', () => validatedText(path, document)),
    );
    for (const [extra, content] of subject.exports?.(document) ?? []) files.set(extra, content);
  }
  return files;
}

export function buildIndex(files: ReadonlyMap<string, string>): string {
  const schemaNames = new Map(jsonSchemaFiles().map((s) => [s.path, s.schemaName]));
  const entries: EvidenceIndex['files'] = [...files.keys()]
    .filter((path) => path !== INDEX_PATH)
    .sort()
    .map((path) => {
      const content = files.get(path)!;
      if (path.endsWith('.md')) {
        return { path, sha256: sha256Tag(content), kind: 'markdown', schema: 'text/markdown', status: null };
      }
      if (evidenceKindOf(path)) {
        // Parsed (and validated) by the store when the suite's document was; never parsed again.
        const entry = storedEvidence(path, content);
        const doc = (entry.ok ? entry.json : JSON.parse(content)) as { schema: string; status: EvidenceStatus };
        return { path, sha256: sha256Tag(content), kind: 'evidence', schema: doc.schema, status: doc.status };
      }
      return { path, sha256: sha256Tag(content), kind: 'json-schema', schema: schemaNames.get(path) ?? path, status: null };
    });
  return canonicalJson({ schema: INDEX_SCHEMA, files: entries });
}

/** Adds the exported JSON Schemas (a shard written with `--out` carries them, so merge needs no suite). */
export function addSchemaFiles(files: EvidenceFiles): EvidenceFiles {
  for (const schema of jsonSchemaFiles()) files.set(schema.path, schema.content);
  return files;
}

/** The complete expected contents of `evidence/`: every suite, the JSON Schemas and the index. */
export async function buildEvidence(onProgress?: (line: string) => void): Promise<EvidenceFiles> {
  const files = addSchemaFiles(await buildDocuments(await allSubjects(), onProgress));
  files.set(INDEX_PATH, buildIndex(files));
  return files;
}

/** Every `.json` and `.md` file currently under `evidence/`, keyed by relative POSIX path. */
export function readCommittedEvidence(root = repoPath(EVIDENCE_DIR)): EvidenceFiles {
  return readEvidenceDir(root);
}

export interface WriteSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes generated files into `evidence/`. With `prune`, files in evidence-kind folders that the
 * suites no longer produce are removed (a full regeneration owns those folders).
 */
export function writeEvidence(generated: EvidenceFiles, options: { prune: boolean }, root = repoPath(EVIDENCE_DIR)): WriteSummary {
  const committed = readCommittedEvidence(root);
  const summary: WriteSummary = { created: [], updated: [], unchanged: [], removed: [] };
  for (const [path, content] of [...generated].sort(([a], [b]) => a.localeCompare(b))) {
    const before = committed.get(path);
    if (before === content) summary.unchanged.push(path);
    else {
      writeFileAtomic(join(root, path), content);
      (before === undefined ? summary.created : summary.updated).push(path);
    }
  }
  if (options.prune) {
    for (const path of committed.keys()) {
      const folder = path.split('/')[0]!;
      const owned = Object.hasOwn(EVIDENCE_KINDS, folder) || folder === SCHEMA_DIR;
      if (owned && !generated.has(path)) {
        rmSync(join(root, path));
        summary.removed.push(path);
      }
    }
  }
  return summary;
}

/** Rebuilds `index.json` from what is on disk (after a partial `--only`/`--shard` write). */
export function reindex(root = repoPath(EVIDENCE_DIR)): void {
  const files = readCommittedEvidence(root);
  writeFileAtomic(join(root, INDEX_PATH), buildIndex(files));
}

/** Regenerates the README provider table; returns true when README.md changed. */
export function writeReadmeTable(): boolean {
  const path = repoPath('README.md');
  const before = readFileSync(path, 'utf8');
  const after = spliceProviderTable(before, renderProviderTable(catalogProfiles()));
  if (after !== before) writeFileAtomic(path, after);
  return after !== before;
}
