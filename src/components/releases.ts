/**
 * Derives what the release pages show from release evidence (`evidence/releases/<version>.json`,
 * validated by the shared schema): releases newest first, each with the diff to the one before.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { diffReleases, previousOf, type ReleaseDiff } from '../worldforge/release/diff.ts';
import { releaseMarkdown } from '../worldforge/release/markdown.ts';
import { compareSemver } from '../worldforge/release/semver.ts';
import { assertUniqueKeys } from './entries.ts';

export type ReleaseEntry = CollectionEntry<'releases'>;

/** Release evidence, newest first; throws if two files claim one version. */
export async function releaseEntries(): Promise<ReleaseEntry[]> {
  const entries = assertUniqueKeys(await getCollection('releases'), 'releases', 'body.version', (e) => e.data.body.version);
  return entries.sort((a, b) => compareSemver(b.data.body.version, a.data.body.version));
}

/** The diff of one release against the release before it. */
export async function releaseDiff(entry: ReleaseEntry): Promise<ReleaseDiff> {
  const all = (await releaseEntries()).map((e) => e.data.body);
  return diffReleases(entry.data.body, previousOf(entry.data.body.version, all));
}

/**
 * Ids of the claims the site lists now. A frozen release keeps the claims of its day; one removed
 * since has no card on /claims/, so a release page names it without a link that would dangle.
 */
export async function currentClaimIds(): Promise<ReadonlySet<string>> {
  return new Set((await getCollection('claims')).map((e) => e.data.id));
}

export async function releaseMarkdownExport(entry: ReleaseEntry): Promise<string> {
  return releaseMarkdown(entry.data, await releaseDiff(entry));
}
