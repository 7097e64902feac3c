/**
 * Content collections. Every evidence kind of the registry (src/worldforge/kinds) brings its own
 * collection — name, folder, glob and the SAME zod schema the generators and `npm run check` use —
 * so a malformed evidence file fails `astro build` naming the entry, the field and the file. Never
 * redefine a shape or list a kind here. Only the JSON documents are evidence collections: the
 * Markdown gallery exports next to them are served as-is by src/pages/galleries/[id].md.ts.
 * Selection and design records and live-smoke entries are authored kinds with their own schemas;
 * claims use the claim schema and the check's own loader. These schemas are structural only: the
 * cross-field and cross-file rules (active-candidate limit, deferrals, score bands, links…) live in
 * the check-rule registry (src/worldforge/checks/rules/), and `npm run build` runs
 * `check --no-dist` before `astro build`, so the site is never built from content the rules reject.
 */
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { loadClaims } from './worldforge/claims/load.ts';
import { claimSchema } from './worldforge/claims/schema.ts';
import { problemLine } from './worldforge/problem.ts';
import type { KindCollection } from './worldforge/kinds/define.ts';
import { KINDS } from './worldforge/kinds/index.ts';

/**
 * `glob()` that re-validates every file on every build. Astro's content cache skips entries whose
 * file is unchanged, and it only invalidates on changes to THIS file's text — not to the schema
 * modules it imports. A schema change in src/worldforge with unchanged evidence would
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

/** The collection of one registry kind: its entries, re-validated on every build with the kind's schema. */
const kindCollection = (collection: KindCollection) =>
  defineCollection({ loader: revalidatingGlob({ pattern: collection.pattern, base: collection.base }), schema: collection.schema() });

type Kind = (typeof KINDS)[number];
/**
 * One collection per kind, keyed by its collection name and typed by its schema: Astro infers an
 * entry's `data` from the config's `schema` type, so `getCollection('conformance')` stays typed.
 */
type KindCollections = {
  [K in Kind as K['collection']['name']]: { loader: Loader; schema: ReturnType<K['collection']['schema']> };
};

const kindCollections = Object.fromEntries(KINDS.map((kind) => [kind.collection.name, kindCollection(kind.collection)])) as KindCollections;

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
      throw new Error(`Invalid claims:\n${problems.map((p) => `  ${problemLine(p)}`).join('\n')}`);
    }
    for (const { value } of claims) store.set({ id: value.id, data: await parseData({ id: value.id, data: value }) });
  },
};

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  claims: defineCollection({ loader: claimsLoader, schema: claimSchema() }),
  ...kindCollections,
};
