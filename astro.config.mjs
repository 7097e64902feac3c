// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { claimLinks } from './src/markdown/claim-links.mjs';
import { ROUTES } from './src/worldforge/site/routes.ts';

// No network from a build: Astro reads this variable lazily, after the config is loaded, before
// it would record anything. (Setting it here keeps `npm run build:site` offline without a wrapper.)
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  trailingSlash: 'ignore',
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
        { label: 'Releases', link: ROUTES.releases },
        { label: 'Benchmarks', link: ROUTES.benchmarks },
        {
          label: 'Docs',
          items: [
            { label: 'How evidence works', slug: 'how-evidence-works' },
            { label: 'Scene artifacts', slug: 'scene-artifacts' },
            { label: 'Remote providers and live smoke', slug: 'remote-providers' },
            { label: 'Runs, bundles and release evidence', slug: 'runs-and-bundles' },
            { label: 'Runtime bridge, doctor and worlds', slug: 'runtime-bridge' },
            { label: 'Check results on GitHub', slug: 'github-ci' },
            { label: 'Check rules reference', link: ROUTES.checkRules },
            { label: 'Architecture', slug: 'architecture' },
            { label: 'Operator drills and preflight', link: ROUTES.operatorDrills },
            { label: 'Host recipes', link: ROUTES.hostRecipes },
          ],
        },
      ],
    }),
  ],
});
