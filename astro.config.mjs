// @ts-check
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { claimLinks } from './src/markdown/claim-links.mjs';
import { ROUTES } from './src/worldforge/site/routes.ts';
import { checkBuiltSite } from './src/worldforge/site/link-gate.ts';
import { siteUrl } from './src/worldforge/site/site-url.ts';
import { editUrlBase, repositoryUrl } from './src/worldforge/site/source-links.ts';

// No network from a build: Astro reads this variable lazily, after the config is loaded, before
// it would record anything. (Setting it here keeps `npm run build:site` offline without a wrapper.)
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/** Fails the build when an internal link or anchor of the built site does not resolve. */
const linkGate = {
  name: 'worldforge-link-gate',
  hooks: {
    /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} options */
    'astro:build:done': ({ dir, logger }) => {
      const broken = checkBuiltSite(fileURLToPath(dir));
      if (broken.length === 0) return logger.info('every internal link and anchor resolves');
      const list = broken.map((b) => `  ${b.page}: ${b.href} — ${b.reason}`).join('\n');
      throw new Error(
        `${broken.length} broken internal link(s) in the built site:\n${list}\nFix the route builder or the anchor in src/worldforge/site/routes.ts or the page that renders it.`,
      );
    },
  },
};

const repository = repositoryUrl();
const editBase = editUrlBase();

export default defineConfig({
  // Public URL from WORLDFORGE_SITE_URL: sitemap, canonical links and og:url need it.
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Lossless whitespace: Astro 7's default ('jsx') drops a line break between text and an element
  // or expression ('at most\n{n}' → 'at most3'); pages are written as HTML, so keep HTML's rules.
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: 'WorldForge',
      description: 'World-model provider contracts whose documentation is built from evidence a machine re-checks.',
      // Pagefind search is generated at build time from dist/ (no service involved).
      pagefind: true,
      // Git history is not evidence; keep pages independent of clone depth.
      lastUpdated: false,
      credits: false,
      favicon: '/favicon.svg',
      // Source link and docs pages' edit links, from WORLDFORGE_REPO_URL / WORLDFORGE_EDIT_URL.
      ...(repository ? { social: [{ icon: 'github', label: 'Source repository', href: repository }] } : {}),
      ...(editBase ? { editLink: { baseUrl: editBase } } : {}),
      routeMiddleware: './src/components/route-middleware.ts',
      // The footer adds the build provenance (evidence commit and date, read from git); the content
      // wrapper gives every table the phone layout (rows as labelled cards).
      components: { Footer: './src/components/Footer.astro', MarkdownContent: './src/components/MarkdownContent.astro' },
      customCss: ['./src/styles/evidence.css'],
      // Renders :claim[id] in Markdown pages as links to /claims/#id.
      plugins: [claimLinks()],
      sidebar: [
        { label: 'Home', link: ROUTES.home },
        { label: 'Providers', link: ROUTES.providers },
        { label: 'Claims', link: ROUTES.claims },
        { label: 'Fixtures', link: ROUTES.fixtures },
        { label: 'Evaluation', link: ROUTES.evaluation },
        { label: 'Galleries', link: ROUTES.galleries },
        {
          label: 'Selection',
          items: [
            { label: 'Selection records', link: ROUTES.selection },
            { label: 'Rubric', link: ROUTES.selectionRubric },
            { label: 'Promotion rules', link: ROUTES.selectionPromotionRules },
            { label: 'Design records', link: ROUTES.designRecords },
            { label: 'Writing a selection record', slug: 'selection-records' },
          ],
        },
        { label: 'Live smoke', link: ROUTES.liveSmoke },
        {
          label: 'Docs',
          items: [
            { label: 'How evidence works', slug: 'how-evidence-works' },
            { label: 'Scene artifacts', slug: 'scene-artifacts' },
            { label: 'Remote providers and live smoke', slug: 'remote-providers' },
            { label: 'Check rules reference', link: ROUTES.checkRules },
            { label: 'Architecture', slug: 'architecture' },
          ],
        },
      ],
    }),
    linkGate,
  ],
});
