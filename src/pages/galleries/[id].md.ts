/**
 * `/galleries/<id>.md`: each gallery's committed Markdown export (`evidence/galleries/<id>.md`),
 * served byte for byte. Built from the gallery collection, so the set of exports follows the
 * evidence; a gallery whose export is missing fails the build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type GalleryEntry, galleryEntries, markdownExport } from '../../components/galleries.ts';
import { staticPathsFor } from '../../components/pages.ts';

export const getStaticPaths = (async () =>
  staticPathsFor(await galleryEntries(), 'id', (e) => e.data.body.gallery)) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: GalleryEntry }> = ({ props }) =>
  new Response(markdownExport(props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
