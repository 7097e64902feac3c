/**
 * What the roadmap page shows: content/roadmap.yaml parsed with the shared schema (a problem fails
 * the build with file, line and reason), each item's claims with their backing state and each ref
 * resolved and linked the way the claims page links it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRef } from '../worldforge/claims/refs.ts';
import { repoRefSources } from '../worldforge/claims/sources.ts';
import { ROADMAP_FILE, parseRoadmap, type RoadmapStatus } from '../worldforge/roadmap/roadmap.ts';
import { repositoryUrl } from '../worldforge/site/source-links.ts';
import { claimRows, refUrl } from './claims.ts';

export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  done: 'done',
  partial: 'partly built',
  open: 'open',
  deferred: 'deferred',
};

export async function roadmapStreams() {
  const root = process.cwd();
  const { roadmap, problems } = parseRoadmap(readFileSync(join(root, ROADMAP_FILE), 'utf8'));
  if (!roadmap) {
    throw new Error(
      `${ROADMAP_FILE} is invalid:\n${problems.map((p) => `  line ${p.line ?? '?'}: ${p.field}: ${p.reason}`).join('\n')}\nRun \`npm run check\` for the roadmap-links findings.`,
    );
  }
  const sources = repoRefSources(root);
  const claims = new Map((await claimRows()).map((row) => [row.claim.id, row]));
  const repo = repositoryUrl();
  return roadmap.streams.map((stream) => ({
    ...stream,
    items: stream.items.map((item) => ({
      ...item,
      issueUrl: item.issue && repo ? `${repo}/issues/${item.issue}` : null,
      claimRows: item.claims.map((id) => {
        const row = claims.get(id);
        if (!row) throw new Error(`${ROADMAP_FILE}: item '${item.id}' cites unknown claim '${id}'`);
        return row;
      }),
      refLinks: item.refs.map((ref) => {
        const resolution = resolveRef(ref, sources);
        return { ref, url: refUrl(ref), status: resolution.found ? (resolution.status ?? 'recorded') : 'missing' };
      }),
    })),
  }));
}
