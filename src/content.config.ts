/**
 * Content collections. The conformance collection is validated with the SAME zod schema the
 * generators and `npm run check` use (src/worldforge/evidence), so a malformed evidence file fails
 * `astro build` naming the entry, the field and the file. Selection and design records use the
 * record schemas of src/worldforge/records (rule refinements included) the same way. Never
 * redefine a shape here.
 */
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { conformanceEvidenceSchema } from './worldforge/evidence/index.ts';
import { designRecordSchema } from './worldforge/records/design.ts';
import { selectionRecordSchema } from './worldforge/records/selection.ts';

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

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  conformance: defineCollection({
    loader: revalidatingGlob({ pattern: 'conformance/*.json', base: './evidence' }),
    schema: conformanceEvidenceSchema(),
  }),
  selectionRecords: defineCollection({
    loader: revalidatingGlob({ pattern: '*.md', base: './content/selection-records' }),
    schema: selectionRecordSchema(),
  }),
  designRecords: defineCollection({
    loader: revalidatingGlob({ pattern: '*.md', base: './content/design-records' }),
    schema: designRecordSchema(),
  }),
};
