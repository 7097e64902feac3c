/**
 * Content collections. Every evidence collection is validated with the SAME zod schema the
 * generators and `npm run check` use (src/worldforge/evidence), so a malformed evidence file fails
 * `astro build` naming the entry, the field and the file. Never redefine the shape here. Only the
 * JSON documents are collections: the Markdown gallery exports next to them are served as-is by
 * src/pages/galleries/[id].md.ts. Selection and design records use the record schemas of
 * src/worldforge/records (rule refinements included), and claims the claim schema, the same way.
 */
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { loadClaims } from './worldforge/claims/load.ts';
import { claimSchema } from './worldforge/claims/schema.ts';
import {
  conformanceEvidenceSchema,
  evaluationEvidenceSchema,
  exchangesEvidenceSchema,
  fixturesEvidenceSchema,
  galleryEvidenceSchema,
  type EvidenceKind,
} from './worldforge/evidence/index.ts';
import { designRecordSchema } from './worldforge/records/design.ts';
import { selectionRecordSchema } from './worldforge/records/selection.ts';
import { liveSmokeEntrySchema } from './worldforge/live-smoke.ts';

/**
 * `glob()` that re-validates every file on every build. Astro's content cache skips entries whose
 * file is unchanged, and it only invalidates on changes to THIS file's text — not to the schema
 * modules it imports. A schema change in src/worldforge/evidence with unchanged evidence would
 * then build from stale, never re-validated data. Evidence is a handful of small files, so
 * clearing the collection before each load costs nothing.
 */
function revalidatingGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'worldforge-revalidating-glob',
    load: async (context) => {
      context.store.clear();
      await inner.load(context);
    },
  };
}

/** The JSON documents of one evidence kind, `evidence/<kind>/*.json` (not the Markdown exports). */
const evidenceLoader = (kind: EvidenceKind) => revalidatingGlob({ pattern: `${kind}/*.json`, base: './evidence' });

/**
 * Claim rows from content/claims/*.yaml, loaded with the same loader the check uses (file:line on
 * every problem), validated again with the shared claim schema.
 */
const claimsLoader: Loader = {
  name: 'worldforge-claims',
  load: async ({ store, parseData }) => {
    store.clear();
    const { claims, problems } = loadClaims(process.cwd());
    if (problems.length) {
      throw new Error(`Invalid claims:\n${problems.map((p) => `  ${p.file}:${p.line ?? '?'}: ${p.field}: ${p.reason}`).join('\n')}`);
    }
    for (const { value } of claims) store.set({ id: value.id, data: await parseData({ id: value.id, data: value }) });
  },
};

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  conformance: defineCollection({ loader: evidenceLoader('conformance'), schema: conformanceEvidenceSchema() }),
  fixtures: defineCollection({ loader: evidenceLoader('fixtures'), schema: fixturesEvidenceSchema() }),
  evaluation: defineCollection({ loader: evidenceLoader('evaluation'), schema: evaluationEvidenceSchema() }),
  galleries: defineCollection({ loader: evidenceLoader('galleries'), schema: galleryEvidenceSchema() }),
  claims: defineCollection({ loader: claimsLoader, schema: claimSchema() }),
  selectionRecords: defineCollection({
    loader: revalidatingGlob({ pattern: '*.md', base: './content/selection-records' }),
    schema: selectionRecordSchema(),
  }),
  designRecords: defineCollection({
    loader: revalidatingGlob({ pattern: '*.md', base: './content/design-records' }),
    schema: designRecordSchema(),
  }),
  exchanges: defineCollection({
    loader: revalidatingGlob({ pattern: 'exchanges/*.json', base: './evidence' }),
    schema: exchangesEvidenceSchema(),
  }),
  /** The live-smoke registry (authored, not generated); run manifests in runs/ are not entries. */
  liveSmoke: defineCollection({
    loader: revalidatingGlob({ pattern: '*.json', base: './content/live-smoke' }),
    schema: liveSmokeEntrySchema(),
  }),
};
