/**
 * Evidence document kinds, keyed by the folder they live in under `evidence/`. Generators, the
 * check and the site look schemas up here, so adding a kind is one entry.
 */
import type { z } from 'zod';
import { CONFORMANCE_SCHEMA, conformanceEvidenceSchema } from './conformance.ts';
import { EVALUATION_SCHEMA, evaluationEvidenceSchema } from './evaluation.ts';
import { EXCHANGES_SCHEMA, exchangesEvidenceSchema } from './exchanges.ts';
import { FIXTURES_SCHEMA, fixturesEvidenceSchema } from './fixtures.ts';
import { GALLERY_SCHEMA, galleryEvidenceSchema } from './gallery.ts';
import { SCENES_SCHEMA, scenesEvidenceSchema } from './scenes.ts';

export const EVIDENCE_KINDS = {
  conformance: { schemaName: CONFORMANCE_SCHEMA, schema: conformanceEvidenceSchema },
  fixtures: { schemaName: FIXTURES_SCHEMA, schema: fixturesEvidenceSchema },
  evaluation: { schemaName: EVALUATION_SCHEMA, schema: evaluationEvidenceSchema },
  exchanges: { schemaName: EXCHANGES_SCHEMA, schema: exchangesEvidenceSchema },
  galleries: { schemaName: GALLERY_SCHEMA, schema: galleryEvidenceSchema },
  scenes: { schemaName: SCENES_SCHEMA, schema: scenesEvidenceSchema },
} as const satisfies Record<string, { schemaName: string; schema: () => z.ZodType }>;

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
  return folder && folder in EVIDENCE_KINDS ? (folder as EvidenceKind) : null;
}

export * from './conformance.ts';
export * from './envelope.ts';
export * from './evaluation.ts';
export * from './evidence-index.ts';
export * from './exchanges.ts';
export * from './fixtures.ts';
export * from './gallery.ts';
export * from './scenes.ts';
