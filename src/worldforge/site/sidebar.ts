/**
 * The site's sidebar, generated: one group per family of pages (providers, fixtures, evaluation
 * suites, galleries, selection and design records, check rules, docs), each listing every page the
 * build renders for it. Pages rendered from evidence are found the way the site renders them:
 * each committed document of a kind with a page (`sitePage` in its kind.ts); records from
 * content/; rule pages from the rule registry. So every page is in a group (Starlight then
 * highlights it and fills prev/next), and a new provider, suite, gallery, record or rule appears
 * without touching this file. The link gate fails the build if an entry points nowhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEvidenceDir } from '../evidence/read.ts';
import { generatedKindById } from '../kinds/registry.ts';
import { loadRecords } from '../records/load.ts';
import { designRecordPath, ROUTES, rulePath } from './routes.ts';
import { strictJsonValue } from '../strict-json.ts';

/** Starlight sidebar entries (the subset this site uses); a bare `slug` takes the page's title as label. */
export type SidebarItem =
  | { label: string; link: string }
  | { label: string; slug: string }
  | { slug: string }
  | { label: string; collapsed?: boolean; items: SidebarItem[] };

/** Every docs page's slug (`src/content/docs/**.md(x)`, the home page and scaffold stubs aside). */
function docsSlugs(root: string): string[] {
  const docs = join(root, 'src/content/docs');
  if (!existsSync(docs)) return [];
  return (
    readdirSync(docs, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split('\\').join('/'))
      .filter((file) => /\.mdx?$/.test(file) && !file.startsWith('scaffolds/'))
      .map((file) => file.replace(/\.mdx?$/, ''))
      // Only names that are already slugs: Starlight slugifies others (case, spaces), and a sidebar
      // slug it does not know fails the build. Such a page stays out, and the navigation test names it.
      .filter((slug) => slug !== 'index' && /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/.test(slug))
      .sort()
  );
}

/** The slugs an item list already links. */
const slugsIn = (items: readonly SidebarItem[]): string[] =>
  items.flatMap((item) => ('items' in item ? slugsIn(item.items) : 'slug' in item ? [item.slug] : []));

/**
 * Pages of one evidence kind, in the order of their committed files, each labelled by `label(doc)`.
 * A document split over several pages (`sitePage.pages`) is a collapsed group of all of them, so
 * its later pages are in the navigation too (Starlight opens the group of the current page).
 */
function kindPages(evidence: ReadonlyMap<string, string>, kindId: string, label: (doc: never) => string): SidebarItem[] {
  const kind = generatedKindById(kindId);
  if (!kind) throw new Error(`sidebar: no evidence kind '${kindId}'`);
  const seen = new Map<string, SidebarItem>();
  for (const [path, text] of [...evidence].sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.startsWith(`${kindId}/`) || !path.endsWith('.json')) continue;
    const doc = strictJsonValue(text, `evidence/${path}`);
    // The page that renders the document; a kind without `sitePage` routes its subject (file name).
    const page = kind.sitePage ? kind.sitePage.path(doc) : kind.route(path.slice(kindId.length + 1, -'.json'.length), null);
    if (!page) continue;
    const pages = kind.sitePage?.pages?.(doc as never) ?? [];
    seen.set(
      page,
      pages.length > 1
        ? { label: label(doc as never), collapsed: true, items: pages.map((p) => ({ label: p.label, link: p.path })) }
        : { label: label(doc as never), link: page },
    );
  }
  return [...seen.values()];
}

interface Body<T> {
  body: T;
}

/** Builds the sidebar from the checkout at `root`; `ruleIds` come from the rule registry. */
export function buildSidebar(root: string, ruleIds: readonly string[], providerOrder: readonly string[]): SidebarItem[] {
  const evidence = readEvidenceDir(join(root, 'evidence'));
  const rank = (link: string) => {
    const i = providerOrder.findIndex((name) => link.endsWith(`/${name}/`));
    return i === -1 ? providerOrder.length : i;
  };
  const providers = kindPages(evidence, 'conformance', (doc: Body<{ provider: string }>) => doc.body.provider).sort(
    (a, b) => rank((a as { link: string }).link) - rank((b as { link: string }).link),
  );
  const records = loadRecords(root);
  const scaffoldDocs = join(root, 'src/content/docs/scaffolds');
  const scaffolds: SidebarItem[] = existsSync(scaffoldDocs)
    ? readdirSync(scaffoldDocs)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => ({ label: name.slice(0, -3), slug: `scaffolds/${name.slice(0, -3)}` }))
    : [];
  const sidebar: SidebarItem[] = [
    { label: 'Home', link: ROUTES.home },
    { label: 'Claims', link: ROUTES.claims },
    { label: 'Roadmap', link: ROUTES.roadmap },
    { label: 'Providers', items: [{ label: 'Catalog', link: ROUTES.providers }, ...providers] },
    { label: 'Live smoke', link: ROUTES.liveSmoke },
    {
      label: 'Benchmarks',
      collapsed: true,
      items: [
        { label: 'All presets', link: ROUTES.benchmarks },
        ...kindPages(evidence, 'benchmarks', (doc: Body<{ preset: { id: string } }>) => doc.body.preset.id),
      ],
    },
    {
      label: 'Releases',
      collapsed: true,
      items: [
        { label: 'All releases', link: ROUTES.releases },
        ...kindPages(evidence, 'releases', (doc: Body<{ version: string }>) => doc.body.version).reverse(),
      ],
    },
    {
      label: 'Fixtures',
      collapsed: true,
      items: [
        { label: 'All capabilities', link: ROUTES.fixtures },
        ...kindPages(evidence, 'fixtures', (doc: Body<{ capability: string }>) => doc.body.capability),
      ],
    },
    {
      label: 'Evaluation suites',
      collapsed: true,
      items: [
        { label: 'All suites', link: ROUTES.evaluation },
        ...kindPages(evidence, 'evaluation', (doc: Body<{ suite: string }>) => doc.body.suite),
      ],
    },
    {
      label: 'Galleries',
      collapsed: true,
      items: [
        { label: 'All galleries', link: ROUTES.galleries },
        ...kindPages(evidence, 'galleries', (doc: Body<{ title: string }>) => doc.body.title),
      ],
    },
    {
      label: 'Selection and design',
      collapsed: true,
      items: [
        { label: 'Selection records', link: ROUTES.selection },
        { label: 'Rubric', link: ROUTES.selectionRubric },
        { label: 'Promotion rules', link: ROUTES.selectionPromotionRules },
        { label: 'Writing a selection record', slug: 'selection-records' },
        { label: 'Design records', link: ROUTES.designRecords },
        ...records.design.map((r) => ({ label: r.data.title, link: designRecordPath(r.data.id) })),
      ],
    },
    {
      label: 'Docs',
      items: [
        { label: 'How evidence works', slug: 'how-evidence-works' },
        { label: 'Scene artifacts', slug: 'scene-artifacts' },
        { label: 'Remote providers and live smoke', slug: 'remote-providers' },
        { label: 'Runs, bundles and release evidence', slug: 'runs-and-bundles' },
        { label: 'Runtime bridge, doctor and worlds', slug: 'runtime-bridge' },
        { label: 'Check results on GitHub', slug: 'github-ci' },
        { label: 'Operator drills and preflight', link: ROUTES.operatorDrills },
        { label: 'Host recipes', link: ROUTES.hostRecipes },
        { label: 'Architecture', slug: 'architecture' },
      ],
    },
    // Docs stubs written by `worldforge scaffold provider` (src/content/docs/scaffolds/), when any exist.
    ...(scaffolds.length ? [{ label: 'Scaffolds', collapsed: true, items: scaffolds }] : []),
    {
      label: 'Check rules',
      collapsed: true,
      items: [{ label: 'Reference', link: ROUTES.checkRules }, ...ruleIds.map((id) => ({ label: id, link: rulePath(id) }))],
    },
  ];
  // Any other docs page (a new one, before it is given a place above) joins Docs, titled by itself.
  const listed = new Set(slugsIn(sidebar));
  const docs = sidebar.find((item): item is Extract<SidebarItem, { items: SidebarItem[] }> => 'items' in item && item.label === 'Docs');
  docs?.items.push(
    ...docsSlugs(root)
      .filter((slug) => !listed.has(slug))
      .map((slug) => ({ slug })),
  );
  return sidebar;
}
