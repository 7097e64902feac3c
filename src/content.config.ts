/**
 * Content collections. The conformance collection is validated with the SAME zod schema the
 * generators and `npm run check` use (src/worldforge/evidence), so a malformed evidence file fails
 * `astro build` naming the entry, the field and the file. Never redefine the shape here.
 */
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { conformanceEvidenceSchema } from './worldforge/evidence/index.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  conformance: defineCollection({
    loader: glob({ pattern: 'conformance/*.json', base: './evidence' }),
    schema: conformanceEvidenceSchema(),
  }),
};
