/**
 * The route table: every path and anchor of the site, built in one place. Pages, components, the
 * evidence kinds (a claim ref's page) and the sidebar import these builders, so renaming a page or
 * an anchor is one edit here and cannot leave a stale link elsewhere. Pure string functions: no
 * Astro, no file system, safe to use from the check as well as from pages.
 */

/** Fixed pages (index pages and prose pages), each a directory path with a trailing slash. */
export const ROUTES = {
  home: '/',
  providers: '/providers/',
  claims: '/claims/',
  fixtures: '/fixtures/',
  evaluation: '/evaluation/',
  galleries: '/galleries/',
  selection: '/selection/',
  selectionRubric: '/selection/rubric/',
  selectionPromotionRules: '/selection/promotion-rules/',
  designRecords: '/design-records/',
  liveSmoke: '/live-smoke/',
  checkRules: '/reference/check-rules/',
  howEvidenceWorks: '/how-evidence-works/',
  sceneArtifacts: '/scene-artifacts/',
  remoteProviders: '/remote-providers/',
  selectionRecordsGuide: '/selection-records/',
  releases: '/releases/',
  runsAndBundles: '/runs-and-bundles/',
  benchmarks: '/benchmarks/',
  runtimeBridge: '/runtime-bridge/',
  githubCi: '/github-ci/',
  roadmap: '/roadmap/',
  operatorDrills: '/operators/drills/',
  hostRecipes: '/operators/host-recipes/',
} as const;

/** `<page>#<anchor>`; the anchor is URL-encoded (case ids may hold characters such as `:`). */
export const withAnchor = (page: string, anchor: string) => `${page}#${encodeURIComponent(anchor)}`;

/** A provider's page (profile, conformance cases, runtime and failure modes), `/providers/<name>/`. */
export const providerPath = (name: string) => `${ROUTES.providers}${name}/`;

/** One capability's fixture page, `/fixtures/<capability>/`; each fixture id is an anchor on it. */
export const fixturesPath = (capability: string) => `${ROUTES.fixtures}${capability}/`;

/** One evaluation suite's page, `/evaluation/<suite>/`; each scenario id is an anchor on it. */
export const evaluationPath = (suite: string) => `${ROUTES.evaluation}${suite}/`;

/** One failure-case gallery's page, `/galleries/<id>/`. */
export const galleryPath = (gallery: string) => `${ROUTES.galleries}${gallery}/`;

/** A gallery's Markdown export, served byte for byte at `/galleries/<id>.md`. */
export const galleryMarkdownPath = (gallery: string) => `${ROUTES.galleries}${gallery}.md`;

/** One design record's page, `/design-records/<id>/`. */
export const designRecordPath = (id: string) => `${ROUTES.designRecords}${id}/`;

/** One check rule's page, `/rules/<id>/` (the link every finding carries). */
export const rulePath = (rule: string) => `/rules/${rule}/`;

/** A rule's section on the check rules reference page. */
export const checkRuleSectionPath = (rule: string) => `${ROUTES.checkRules}#${rule}`;

/** A claim row on the claims page (its id is the anchor). */
export const claimPath = (id: string) => `${ROUTES.claims}#${id}`;

/** Anchor of a candidate on the selection page: `<record>--<candidate>`. */
export const candidateAnchor = (recordId: string, candidateId: string) => `${recordId}--${candidateId}`;

/** A selection record (its id is the anchor) or one of its candidates on the selection page. */
export const selectionPath = (recordId: string, candidateId: string | null = null) =>
  `${ROUTES.selection}#${candidateId ? candidateAnchor(recordId, candidateId) : recordId}`;

/** Anchor of a rubric criterion (`runtime_ownership` → `runtime-ownership`) on the rubric page. */
export const criterionAnchor = (criterionId: string) => criterionId.replaceAll('_', '-');

/** Anchor of a score band on the rubric page. */
export const bandAnchor = (bandId: string) => `band-${bandId}`;

/** Anchor of a live-smoke registry row: `<provider>-<capability>`. */
export const liveSmokeAnchor = (provider: string, capability: string) => `${provider}-${capability}`;

/** A live-smoke row on the live-smoke page (`#<provider>` when no capability is given). */
export const liveSmokePath = (provider: string, capability: string | null = null) =>
  `${ROUTES.liveSmoke}#${capability ? liveSmokeAnchor(provider, capability) : provider}`;

/** One release's page, `/releases/<version>/`: its claims, their backing, the diff to the previous release. */
export const releasePath = (version: string) => `${ROUTES.releases}${version}/`;

/** A release's Markdown export for release notes, served at `/releases/<version>.md`. */
export const releaseMarkdownPath = (version: string) => `${ROUTES.releases}${version}.md`;
/** One benchmark preset's page, `/benchmarks/<preset>/`. */
export const benchmarkPath = (preset: string) => `${ROUTES.benchmarks}${preset}/`;
/** Anchor of a (provider, operation) row on a benchmark preset page: `<provider>-<operation>`. */
export const benchmarkRowAnchor = (provider: string, operation: string) => `${provider}-${operation}`;
/**
 * A conformance case or capability on its provider's page: `/providers/<p>/#generate` lands on the
 * capability's group of cases, `#generate%2Fcall` on one case (both are element ids there).
 */
export const providerCasePath = (provider: string, fragment: string | null = null) =>
  fragment ? withAnchor(providerPath(provider), fragment) : providerPath(provider);
/** Anchor of the recorded-exchanges (failure modes) table on a remote provider's page. */
export const FAILURE_MODES_ANCHOR = 'failure-modes';
/** A provider's recorded exchanges: the table, or one exchange row (its exchange id, e.g. `runway.auth-failure`). */
export const providerExchangesPath = (provider: string, exchangeId: string | null = null) =>
  withAnchor(providerPath(provider), exchangeId ?? FAILURE_MODES_ANCHOR);
/**
 * Page `page` (1-based) of a capability's fixture cases: page 1 is the capability's page itself
 * (`/fixtures/<capability>/`, so existing links keep working), page n > 1 is `/fixtures/<capability>/<n>/`.
 * Which case is on which page is src/worldforge/site/paging.ts.
 */
export const fixturesPagePath = (capability: string, page: number) =>
  page === 1 ? fixturesPath(capability) : `${fixturesPath(capability)}${page}/`;
/** Anchor of a fixture's row in the list table on its capability's first page (the case details may be on a later page). */
export const fixtureRowAnchor = (fixtureId: string) => `row-${fixtureId}`;
