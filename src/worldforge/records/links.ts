/**
 * Links inside record bodies. Site-absolute links into the namespaces this project generates
 * (`CHECKED_PAGES`: selection, design records, providers, check rules) must resolve to a page and,
 * when they carry one, to an anchor those pages render. Links elsewhere on the site are not checked
 * here (prose pages have their own build-time checks). Every path comes from the route table.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { pageKey } from '../checks/quarantine.ts';
import type { RecordProblem } from './problems.ts';
import { bandAnchor, candidateAnchor, criterionAnchor, designRecordPath, providerPath, ROUTES } from '../site/routes.ts';
import { CRITERION_IDS, PROMOTION_LEVELS, SCORE_BANDS } from './rubric.ts';

/** Page path → anchors it renders (null: any anchor is accepted, e.g. prose headings). */
export type RouteTable = Map<string, Set<string> | null>;

/** The site namespaces whose links must resolve: a link under one of these paths is checked. */
export const CHECKED_PAGES = [ROUTES.selection, ROUTES.designRecords, ROUTES.providers, ROUTES.checkRules] as const;

export interface RouteSources {
  selection: readonly { id: string; candidates: readonly { id: string }[] }[];
  designIds: readonly string[];
  providerNames: readonly string[];
  ruleIds: readonly string[];
}

/** The pages (and their anchors) the site renders for records, rubric, providers and rules. */
export function siteRoutes(sources: RouteSources): RouteTable {
  const routes: RouteTable = new Map();
  routes.set(ROUTES.selection, new Set(sources.selection.flatMap((r) => [r.id, ...r.candidates.map((c) => candidateAnchor(r.id, c.id))])));
  routes.set(
    ROUTES.selectionRubric,
    new Set([...CRITERION_IDS.map(criterionAnchor), ...SCORE_BANDS.map((band) => bandAnchor(band.id)), 'criteria', 'bands']),
  );
  routes.set(ROUTES.selectionPromotionRules, new Set(PROMOTION_LEVELS));
  routes.set(ROUTES.designRecords, new Set(sources.designIds));
  for (const id of sources.designIds) routes.set(designRecordPath(id), null);
  routes.set(ROUTES.providers, null);
  for (const name of sources.providerNames) routes.set(providerPath(name), null);
  routes.set(ROUTES.checkRules, new Set(sources.ruleIds));
  return routes;
}

export interface BodyLink {
  url: string;
  /** 1-based file line. */
  line: number;
}

/** Every link and link definition in a Markdown body, with file lines. */
export function bodyLinks(body: string, bodyLine: number): BodyLink[] {
  const tree = unified().use(remarkParse).parse(body);
  const links: BodyLink[] = [];
  visit(tree, ['link', 'definition'], (node) => {
    const { url, position } = node as { url: string; position?: { start: { line: number } } };
    links.push({ url, line: (position?.start.line ?? 1) + bodyLine - 1 });
  });
  return links;
}

/** The route a site-absolute link points at, normalized to a trailing slash, and its anchor. */
function splitLink(url: string): { path: string; anchor: string | null } {
  const hash = url.indexOf('#');
  const rawPath = hash === -1 ? url : url.slice(0, hash);
  const path = rawPath.split('?')[0]!.replace(/\/?$/, '/');
  return { path, anchor: hash === -1 ? null : decodeURIComponent(url.slice(hash + 1)) };
}

/**
 * Problems with the links of one body: unresolved pages or anchors in the checked namespaces, and
 * any of `required` (page paths) the body never links to.
 */
export function linkProblems(
  file: string,
  links: readonly BodyLink[],
  routes: RouteTable,
  required: readonly { path: string; label: string }[] = [],
  bodyLine: number | null = null,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const link of links) {
    if (!link.url.startsWith('/') || link.url.startsWith('//')) continue;
    const { path, anchor } = splitLink(link.url);
    if (!CHECKED_PAGES.some((prefix) => path.startsWith(prefix))) continue;
    if (!routes.has(path)) {
      problems.push({
        file,
        line: link.line,
        field: '(body)',
        expected: 'a link to a page the site renders',
        reason: `${link.url} resolves to no page`,
        depends: [pageKey(path)],
        hint: `link one of: ${[...routes.keys()].filter((p) => p.startsWith(path.split('/').slice(0, 2).join('/'))).join(', ')}`,
      });
      continue;
    }
    const anchors = routes.get(path);
    if (anchor && anchors && !anchors.has(anchor)) {
      problems.push({
        file,
        line: link.line,
        field: '(body)',
        expected: `an anchor ${path} renders`,
        reason: `#${anchor} is not on ${path}`,
        depends: [pageKey(path)],
        hint: `use one of: ${[...anchors].map((a) => `#${a}`).join(', ')}`,
      });
    }
  }
  for (const want of required) {
    if (!links.some((link) => link.url.startsWith('/') && splitLink(link.url).path === want.path)) {
      problems.push({
        file,
        line: bodyLine,
        field: '(body)',
        expected: `a link to the ${want.label} (${want.path})`,
        reason: 'no such link in the body',
        hint: `add a sentence to the body linking [${want.label}](${want.path})`,
      });
    }
  }
  return problems;
}
