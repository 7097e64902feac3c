/**
 * Starlight route middleware: adjusts the head every page shares.
 * - The home page's title is the site title: "WorldForge", not "WorldForge | WorldForge".
 * - No page has a preview image, so social cards use the small `summary` card instead of the
 *   large-image card Starlight announces by default (which would render an empty image).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const siteTitle = route.siteTitle;
  for (const entry of route.head) {
    if (entry.tag === 'title' && route.entry.data.title === siteTitle) entry.content = siteTitle;
    if (entry.tag === 'meta' && entry.attrs?.name === 'twitter:card') entry.attrs.content = 'summary';
  }
});
