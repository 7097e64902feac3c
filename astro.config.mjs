// @ts-check
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { claimLinks } from './src/markdown/claim-links.mjs';
import { RULE_IDS } from './src/worldforge/checks/rules.ts';
import { PROVIDER_NAMES } from './src/worldforge/providers/catalog.ts';
import { buildSidebar } from './src/worldforge/site/sidebar.ts';
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
  site: siteUrl() ?? undefined,
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
      // wrapper gives every table the phone layout (rows as labelled cards); the search button's
      // accessible name is its visible label.
      components: {
        Footer: './src/components/Footer.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        Search: './src/components/Search.astro',
      },
      customCss: ['./src/styles/evidence.css'],
      // Renders :claim[id] in Markdown pages as links to /claims/#id.
      plugins: [claimLinks()],
      // Generated: every page the build renders is in a group (src/worldforge/site/sidebar.ts).
      sidebar: buildSidebar(process.cwd(), RULE_IDS, PROVIDER_NAMES),
    }),
    linkGate,
  ],
});
