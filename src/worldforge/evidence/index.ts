/**
 * Evidence document kinds, keyed by the folder they live in under `evidence/`. Generators, the
 * check and the site look schemas up here. The kinds themselves are defined in
 * `src/worldforge/kinds/<kind>/kind.ts` and registered in `src/worldforge/kinds/index.ts`: this
 * module only derives the keyed view, so adding a kind never touches it.
 */
import type { z } from 'zod';
import { GENERATED_KINDS } from '../kinds/registry.ts';

/** The generated kinds keyed by folder (`kind in EVIDENCE_KINDS`, `EVIDENCE_KINDS[kind].schemaName`). */
export const EVIDENCE_KINDS = GENERATED_KINDS;

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

type KindSchema<K extends EvidenceKind> = ReturnType<(typeof EVIDENCE_KINDS)[K]['schema']>;
/** The parsed document type of an evidence kind. */
export type EvidenceOf<K extends EvidenceKind> = z.output<KindSchema<K>>;

const shared = new Map<EvidenceKind, z.ZodType>();

/** One shared (parse-only) schema instance per evidence kind. */
export function evidenceSchemaOf<K extends EvidenceKind>(kind: K): KindSchema<K> {
  let schema = shared.get(kind);
  if (!schema) {
    schema = EVIDENCE_KINDS[kind].schema();
    shared.set(kind, schema);
  }
  return schema as KindSchema<K>;
}

/** The kind of an evidence path such as `conformance/mock.json`, or null if none matches. */
export function evidenceKindOf(path: string): EvidenceKind | null {
  if (!path.endsWith('.json')) return null;
  const folder = path.split('/')[0];
  return folder && Object.hasOwn(EVIDENCE_KINDS, folder) ? (folder as EvidenceKind) : null;
}

// The envelope and the digest index are part of the evidence model every caller shares; each
// kind's document schema and types are imported from its own folder (kinds/<kind>/schema.ts).
export * from './envelope.ts';
export * from './evidence-index.ts';
