/**
 * Content collections. The conformance collection is validated with the SAME zod schema the
 * generators and `npm run check` use (src/worldforge/evidence), so a malformed evidence file fails
 * `astro build` naming the entry, the field and the file. Never redefine the shape here.
 */
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { conformanceEvidenceSchema, exchangesEvidenceSchema } from './worldforge/evidence/index.ts';
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
    name: 'worldforge-evidence-glob',
    load: async (context) => {
      context.store.clear();
      await inner.load(context);
    },
  };
}

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  conformance: defineCollection({
    loader: revalidatingGlob({ pattern: 'conformance/*.json', base: './evidence' }),
    schema: conformanceEvidenceSchema(),
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
