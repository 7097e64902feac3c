/**
 * in-toto Statement v1 (https://in-toto.io/Statement/v1) for bundles and releases: the files as
 * `subject` (name + sha256), a WorldForge predicate type and a small predicate. CI can sign the
 * statement with standard attestation tooling (DSSE); `release verify` re-checks every subject
 * digest offline. Written as one JSON line (`.intoto.jsonl`, the attestation-bundle convention).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import stableStringify from 'json-stable-stringify';
import { z } from 'zod';
import { sha256Hex } from '../digest.ts';
import { jsonFailure, strictJsonValue } from '../strict-json.ts';

export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The statement a bundle writes next to its files. */
export const STATEMENT_FILE = 'statement.intoto.jsonl';

/** Predicate types WorldForge emits (URNs: identifiers, not fetchable documents). */
export const PREDICATE_TYPES = {
  issueBundle: 'urn:worldforge:predicate:issue-bundle:v1',
  evidenceBundle: 'urn:worldforge:predicate:evidence-bundle:v1',
  release: 'urn:worldforge:predicate:release:v1',
} as const;

/** Subject names are relative to the bundle folder, or to the repository root (releases). */
export const SUBJECT_BASES = ['bundle', 'repository'] as const;

export const statementSchema = () =>
  z.strictObject({
    _type: z.literal(IN_TOTO_STATEMENT_TYPE),
    subject: z
      .array(z.strictObject({ name: z.string().min(1), digest: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) }))
      .min(1),
    predicateType: z.enum(Object.values(PREDICATE_TYPES) as [string, ...string[]]),
    predicate: z.looseObject({ subject_base: z.enum(SUBJECT_BASES) }),
  });
export type Statement = z.infer<ReturnType<typeof statementSchema>>;

/** A statement over `files` (name → bytes), sorted by name. */
export function buildStatement(
  files: ReadonlyMap<string, string | Uint8Array>,
  predicateType: string,
  predicate: Record<string, unknown> & { subject_base: (typeof SUBJECT_BASES)[number] },
): Statement {
  const subject = [...files]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, bytes]) => ({ name, digest: { sha256: sha256Hex(bytes) } }));
  return { _type: IN_TOTO_STATEMENT_TYPE, subject, predicateType, predicate };
}

/** One line of canonical JSON (sorted keys) and a newline. */
export const statementLine = (statement: Statement) => `${stableStringify(statement)}\n`;

export interface Mismatch {
  name: string;
  expected: string;
  found: string;
}

export class VerifyError extends Error {}

/** Where the statement of a bundle folder, a statement file or a release file is. */
export function statementFileOf(target: string): string {
  if (existsSync(target) && statSync(target).isDirectory()) return join(target, STATEMENT_FILE);
  if (target.endsWith('.intoto.jsonl')) return target;
  if (target.endsWith('.json')) return target.replace(/\.json$/, '.intoto.jsonl');
  throw new VerifyError(`${target}: expected a bundle folder, a .intoto.jsonl statement or a release .json file`);
}

/**
 * Re-checks every subject digest of a statement against the files, offline. Release statements
 * live at `<repo>/evidence/releases/<version>.intoto.jsonl` and name repository paths.
 */
export function verifyStatement(target: string): { statementFile: string; statement: Statement; mismatches: Mismatch[] } {
  const statementFile = statementFileOf(target);
  if (!existsSync(statementFile)) throw new VerifyError(`${statementFile}: no in-toto statement here`);
  let raw: unknown;
  try {
    raw = strictJsonValue(readFileSync(statementFile, 'utf8'), statementFile);
  } catch (error) {
    throw new VerifyError(`${statementFile}: not a JSON statement (${jsonFailure(error)})`);
  }
  const parsed = statementSchema().safeParse(raw);
  if (!parsed.success) throw new VerifyError(`${statementFile}: not an in-toto Statement v1 (${parsed.error.issues[0]?.message})`);
  const statement = parsed.data;
  const base = statement.predicate.subject_base === 'bundle' ? dirname(statementFile) : dirname(dirname(dirname(statementFile)));
  if (statement.predicate.subject_base === 'repository' && basename(dirname(dirname(statementFile))) !== 'evidence') {
    throw new VerifyError(`${statementFile}: a release statement must stay at evidence/releases/ (its subjects are repository paths)`);
  }
  const mismatches: Mismatch[] = [];
  for (const { name, digest } of statement.subject) {
    const file = join(base, ...name.split('/'));
    if (name.split('/').includes('..') || !existsSync(file)) {
      mismatches.push({ name, expected: `sha256:${digest.sha256}`, found: 'missing' });
      continue;
    }
    const found = sha256Hex(readFileSync(file));
    if (found !== digest.sha256) mismatches.push({ name, expected: `sha256:${digest.sha256}`, found: `sha256:${found}` });
  }
  return { statementFile, statement, mismatches };
}
