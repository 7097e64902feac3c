/**
 * Derives what the gallery pages show from gallery evidence (`evidence/galleries/<id>.json`,
 * validated by the shared schema). The set of galleries is whatever the collection holds: pages
 * never list gallery ids themselves.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CollectionKey, getCollection, type CollectionEntry } from 'astro:content';
import type { GALLERY_LABELS, GalleryCase } from '../worldforge/kinds/galleries/schema.ts';
import { GENERATED_KIND_LIST } from '../worldforge/kinds/registry.ts';
import { galleryPath, withAnchor } from '../worldforge/site/routes.ts';
import { assertUniqueKeys, entryFile } from './entries.ts';
import type { JoinedItem } from './pages.ts';

export type GalleryEntry = CollectionEntry<'galleries'>;
export type GalleryLabel = (typeof GALLERY_LABELS)[number];

/** Galleries sorted by title; throws if two files claim one gallery id. */
export async function galleryEntries(): Promise<GalleryEntry[]> {
  const entries = assertUniqueKeys(await getCollection('galleries'), 'galleries', 'body.gallery', (e) => e.data.body.gallery);
  return entries.sort((a, b) => (a.data.body.title < b.data.body.title ? -1 : a.data.body.title > b.data.body.title ? 1 : 0));
}

export const LABELS: Record<GalleryLabel, { text: string; meaning: string }> = {
  'expected-rejection': {
    text: 'expected rejection',
    meaning: 'an invalid input refused with the expected typed error',
  },
  'known-failure': {
    text: 'known failure',
    meaning: 'a deliberately strict scenario the provider is expected to fail',
  },
  'unexpected-failure': {
    text: 'unexpected failure',
    meaning: 'a case that should have passed and did not',
  },
  'expectation-outdated': {
    text: 'expectation outdated',
    meaning: 'a known failure that now passes: update its expectation',
  },
};

/** Count of one label; the evidence's `counts` may omit labels with no case. */
export const labelCount = (entry: GalleryEntry, label: GalleryLabel) => entry.data.body.counts[label] ?? 0;

/** Repository-relative path of the Markdown export next to a gallery's JSON. */
export const markdownFile = (entry: GalleryEntry) => entryFile(entry, 'galleries').replace(/\.json$/, '.md');

/**
 * Text of a gallery's Markdown export, read from the checkout (paths are relative to the project
 * root, where `astro build` runs). Throws when the export is missing: a gallery without its export
 * is incomplete evidence.
 */
export function markdownExport(entry: GalleryEntry): string {
  const file = markdownFile(entry);
  try {
    return readFileSync(resolve(process.cwd(), file), 'utf8');
  } catch (error) {
    throw new Error(
      `gallery '${entry.data.body.gallery}': Markdown export ${file} cannot be read (${(error as Error).message}); run \`${entry.data.command}\``,
    );
  }
}

/** Galleries that take cases from the evidence file `source` (e.g. `evidence/fixtures/generate.json`). */
export async function galleriesCiting(source: string | ((source: string) => boolean)): Promise<GalleryEntry[]> {
  const matches = typeof source === 'string' ? (s: string) => s === source : source;
  return (await galleryEntries()).filter((g) => g.data.body.sources.some(matches));
}

/** Links to galleries' pages, titled, for an inline list (`Joined.astro`). */
export const galleryLinks = (galleries: readonly GalleryEntry[]): JoinedItem[] =>
  galleries.map((g) => ({ text: g.data.body.title, href: galleryPath(g.data.body.gallery) }));

/** Where a gallery case's source evidence is rendered: the page, and the case's anchor if it has one. */
export interface SourceLink {
  href: string;
  /** The site page of the source file (without the anchor). */
  page: string;
}

interface SourcePage {
  page: string;
  /** Anchor ids present on the document's pages, by the case or scenario id they render. */
  anchors: ReadonlySet<string>;
  /** The page holding an anchor (the document's page unless it is split over several). */
  anchorPage: (anchor: string) => string;
}

/**
 * Builds a resolver from a case's `source` (an evidence path such as
 * `evidence/fixtures/generate.json`) to the site page that renders that file, anchored at the
 * case when the page has an element for it. Each evidence kind says whether and where its
 * documents render (`sitePage` in its kind.ts). A source inside an evidence folder the site renders
 * but with no such file is a dangling reference and fails the build; a source of another kind
 * (rendered by no page yet) resolves to null and the page shows the path as text.
 */
export async function sourceResolver(): Promise<(c: Pick<GalleryCase, 'source' | 'fixture_id'>) => SourceLink | null> {
  const pages = new Map<string, SourcePage>();
  const rendered = GENERATED_KIND_LIST.filter((kind) => kind.sitePage !== null);
  for (const kind of rendered) {
    for (const entry of await getCollection(kind.collection.name as CollectionKey)) {
      const site = kind.sitePage!;
      const page = site.path(entry.data);
      pages.set(entryFile(entry, kind.id), {
        page,
        anchors: new Set(site.anchors(entry.data)),
        anchorPage: (anchor) => site.anchorPage?.(entry.data, anchor) ?? page,
      });
    }
  }
  const renderedKinds = rendered.map((kind) => kind.id);

  return (c) => {
    const found = pages.get(c.source);
    if (!found) {
      const kind = /^evidence\/([^/]+)\/[^/]+\.json$/.exec(c.source)?.[1];
      if (kind && renderedKinds.includes(kind)) {
        throw new Error(`gallery case '${c.fixture_id}': source ${c.source} is not a committed evidence file`);
      }
      return null;
    }
    // Fixture cases use the fixture id; evaluation cases `evaluation:<suite>:<scenario>`.
    const candidates = [c.fixture_id, c.fixture_id.split(':').pop() ?? ''];
    const anchor = candidates.find((id) => found.anchors.has(id));
    const fallback = found.anchors.size === 0 ? '#cases' : '';
    return { page: found.page, href: anchor ? withAnchor(found.anchorPage(anchor), anchor) : `${found.page}${fallback}` };
  };
}
