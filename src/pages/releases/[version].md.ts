/** `/releases/<version>.md`: a release's Markdown export for release notes, from its frozen evidence. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPathsFor } from '../../components/pages.ts';
import { type ReleaseEntry, releaseEntries, releaseMarkdownExport } from '../../components/releases.ts';

export const getStaticPaths = (async () =>
  staticPathsFor(await releaseEntries(), 'version', (e) => e.data.body.version)) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ReleaseEntry }> = async ({ props }) =>
  new Response(await releaseMarkdownExport(props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
