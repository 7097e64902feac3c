/** `evidence/index.json`: every file under `evidence/` (except itself) with its sha256. */
import { z } from 'zod';
import { evidenceStatusSchema, sha256Schema } from '../schema/primitives.ts';

/** Repository folder of the generated evidence; every evidence path elsewhere is relative to it. */
export const EVIDENCE_DIR = 'evidence';

/** Repository path of a file given by its path under `EVIDENCE_DIR` (how findings and galleries cite it). */
export const evidenceFile = (path: string) => `${EVIDENCE_DIR}/${path}`;

/** The digest index, relative to `EVIDENCE_DIR`. */
export const INDEX_PATH = 'index.json';

export const INDEX_SCHEMA = 'worldforge.evidence-index@1';

export const evidenceIndexSchema = () =>
  z.strictObject({
    /** Schema name and version. */
    schema: z.literal(INDEX_SCHEMA),
    /** Every file, sorted by path. */
    files: z.array(
      z.strictObject({
        /** Path relative to `evidence/`. */
        path: z.string().min(1),
        /** Digest of the file's bytes. */
        sha256: sha256Schema(),
        /** `evidence` for envelope documents, `json-schema` for exported schemas, `markdown` for exports. */
        kind: z.enum(['evidence', 'json-schema', 'markdown']),
        /** Document schema name, or the schema's own id for JSON Schema files. */
        schema: z.string().min(1),
        /** Document status; null for JSON Schema files. */
        status: evidenceStatusSchema().nullable(),
      }),
    ),
  });
export type EvidenceIndex = z.infer<ReturnType<typeof evidenceIndexSchema>>;
