// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

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
      sidebar: [
        { label: 'Home', link: '/' },
        { label: 'Providers', link: '/providers/' },
        { label: 'Live smoke', link: '/live-smoke/' },
        {
          label: 'Docs',
          items: [
            { label: 'How evidence works', slug: 'how-evidence-works' },
            { label: 'Remote providers and live smoke', slug: 'remote-providers' },
            { label: 'Check rules reference', link: '/reference/check-rules/' },
          ],
        },
      ],
    }),
  ],
});
