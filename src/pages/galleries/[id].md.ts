/**
 * `/galleries/<id>.md`: each gallery's committed Markdown export (`evidence/galleries/<id>.md`),
 * served byte for byte. Built from the gallery collection, so the set of exports follows the
 * evidence; a gallery whose export is missing fails the build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { galleryEntries, markdownExport } from '../../components/galleries.ts';

export const getStaticPaths = (async () => {
  const entries = await galleryEntries();
  return entries.map((entry) => ({ params: { id: entry.data.body.gallery }, props: { text: markdownExport(entry) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { text: string }).text, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
