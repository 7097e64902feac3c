/**
 * The process's evidence store: each evidence text is parsed (strict JSON) and schema-checked —
 * which re-hashes its body against `result_digest` — once, whoever asks first: the suites'
 * self-check before writing, the index builder, the check's rules, claim-ref resolution. The
 * index (`index.json`) is parsed with its own schema. Entries are keyed by path
 * and text, so a committed file that equals its regeneration (the usual case) is parsed once for
 * both, and a changed text is never answered from an older parse.
 *
 * Results are shared: callers read them and never mutate them.
 */
import type { z } from 'zod';
import type { Problem } from '../problem.ts';
import { parseJsonStrict } from '../strict-json.ts';
import { once } from '../once.ts';
import {
  type EvidenceKind,
  type EvidenceOf,
  evidenceFile,
  evidenceIndexSchema,
  evidenceKindOf,
  evidenceSchemaOf,
  INDEX_PATH,
} from './index.ts';

/** One parse-only instance of the index schema (the kinds' are shared by evidenceSchemaOf). */
const indexSchema = once(evidenceIndexSchema);

/** What the store knows of one evidence text. */
export type StoredEvidence =
  /** Valid JSON that matches its kind's schema (digest included), or the index schema for `index.json`. */
  | { ok: true; json: unknown; doc: unknown }
  /** Not strict JSON: the problem names line and column. */
  | { ok: false; stage: 'json'; problem: Problem }
  /** JSON that breaks its schema (`error`), or a file that is neither an evidence kind nor the index (`error: null`). */
  | { ok: false; stage: 'schema'; json: unknown; error: z.ZodError | null };

/** Entries per path: a path usually has one text (committed = fresh), at most a few. */
const entries = new Map<string, Map<string, StoredEvidence>>();
/** A bound on distinct texts kept, for long-lived processes (the in-process test helper). */
const MAX_TEXTS = 4096;
let stored = 0;

function evaluate(path: string, text: string): StoredEvidence {
  const parsed = parseJsonStrict(text, evidenceFile(path));
  if (!parsed.ok) return { ok: false, stage: 'json', problem: parsed.problem };
  const kind = evidenceKindOf(path);
  const schema = kind ? evidenceSchemaOf(kind) : path === INDEX_PATH ? indexSchema() : null;
  if (!schema) return { ok: false, stage: 'schema', json: parsed.value, error: null };
  const result = schema.safeParse(parsed.value);
  return result.success
    ? { ok: true, json: parsed.value, doc: result.data }
    : { ok: false, stage: 'schema', json: parsed.value, error: result.error };
}

/** The parse of the evidence file at `path` (relative to `evidence/`) holding `text`, computed once per process. */
export function storedEvidence(path: string, text: string): StoredEvidence {
  let texts = entries.get(path);
  const hit = texts?.get(text);
  if (hit) return hit;
  if (stored >= MAX_TEXTS) {
    entries.clear();
    stored = 0;
  }
  const result = evaluate(path, text);
  texts = entries.get(path) ?? new Map();
  texts.set(text, result);
  entries.set(path, texts);
  stored += 1;
  return result;
}

/** The valid document of kind `kind` at `path`, or null when the text does not parse or breaks the schema. */
export function evidenceDocument<K extends EvidenceKind>(kind: K, path: string, text: string): EvidenceOf<K> | null {
  if (evidenceKindOf(path) !== kind) return null;
  const entry = storedEvidence(path, text);
  return entry.ok ? (entry.doc as EvidenceOf<K>) : null;
}
