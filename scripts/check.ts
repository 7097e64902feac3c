/**
 * `worldforge check`: regenerates every suite in memory and compares with the committed tree.
 * It reads sources only (evidence JSON, profiles, README), never rendered pages, so it is
 * independent of Astro's Markdown processor and cache, and far cheaper than a site build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildEvidence, readCommittedEvidence, type EvidenceFiles } from '../generators/run.ts';
import { REPO_ROOT, repoPath } from '../generators/repo.ts';
import { sha256Tag } from '../src/worldforge/digest.ts';
import { readTextTree } from '../src/worldforge/evidence/read.ts';
import { FixtureCorpusError } from '../src/worldforge/fixtures/load.ts';
import { loadClaims, loadKnownGaps } from '../src/worldforge/claims/load.ts';
import { repoRefSources } from '../src/worldforge/claims/sources.ts';
import { applyKnownGaps } from './check/known-gaps.ts';
import {
  claimBackingRule,
  claimCoverageRule,
  claimDuplicateRule,
  claimRefRule,
  claimSchemaRule,
  nonClaimsRule,
  proseReferenceRule,
  readmeClaimsListRule,
  smokeStaleRule,
} from './check/claim-rules.ts';
import type { CheckReport, Finding } from '../src/worldforge/checks/finding.ts';
import { catalogProfiles } from '../src/worldforge/providers/catalog.ts';
import { loadRecords } from '../src/worldforge/records/load.ts';
import type { CheckContext, Rule } from './check/context.ts';
import {
  evidenceDriftRule,
  evidenceIndexRule,
  evidenceMissingRule,
  evidenceSchemaRule,
  evidenceStaleRule,
  evidenceUnexpectedRule,
} from './check/evidence-rules.ts';
import { evaluationMismatchRule, fixtureFailedRule, fixtureSchemaRule } from './check/fixture-rules.ts';
import { liveSmokeCoverageRule, liveSmokeSchemaRule, runManifestRule } from './check/live-smoke-rules.ts';
import { conformanceFailedRule, profileConformanceRule, readmeProviderTableRule } from './check/provider-rules.ts';
import { RECORD_RULES } from './check/record-rules.ts';
import { sceneFixtureFailedRule } from './check/scene-rules.ts';
import { secretScanRule } from './check/secret-rules.ts';

export const CHECK_RULES: readonly Rule[] = [
  evidenceSchemaRule,
  evidenceDriftRule,
  evidenceMissingRule,
  evidenceUnexpectedRule,
  evidenceIndexRule,
  evidenceStaleRule,
  fixtureSchemaRule,
  fixtureFailedRule,
  evaluationMismatchRule,
  sceneFixtureFailedRule,
  conformanceFailedRule,
  profileConformanceRule,
  readmeProviderTableRule,
  claimSchemaRule,
  claimDuplicateRule,
  claimRefRule,
  claimBackingRule,
  claimCoverageRule,
  nonClaimsRule,
  proseReferenceRule,
  readmeClaimsListRule,
  smokeStaleRule(),
  ...RECORD_RULES,
  liveSmokeSchemaRule,
  liveSmokeCoverageRule,
  runManifestRule,
  secretScanRule,
];

/** Text files under a repository folder whose name matches, keyed by repository-relative path. */
function readRepoTree(folder: string, names: RegExp): Map<string, string> {
  return new Map([...readTextTree(repoPath(folder), names)].map(([path, text]) => [`${folder}/${path}`, text]));
}

/** content/ is authored data: every text format it may hold. */
const CONTENT_FILES = /\.(json|jsonl|md|mdx|ya?ml|txt|csv|html)$/i;
/** dist/ text assets (Pagefind's index chunks are compressed binaries derived from these pages). */
const DIST_FILES = /\.(html|js|mjs|css|json|xml|txt|md|svg|webmanifest)$/i;

function currentDigest(path: string): string | null {
  const full = repoPath(path);
  return existsSync(full) ? sha256Tag(readFileSync(full)) : null;
}

export async function loadContext(options: { scanDist?: boolean } = {}): Promise<CheckContext> {
  let fresh: EvidenceFiles | null = null;
  let inputProblems: CheckContext['inputProblems'] = [];
  try {
    fresh = await buildEvidence();
  } catch (error) {
    if (!(error instanceof FixtureCorpusError)) throw error;
    inputProblems = [...error.problems];
  }
  const committed = readCommittedEvidence();
  const records = loadRecords(REPO_ROOT);
  return {
    committed,
    fresh,
    inputProblems,
    currentDigest,
    profiles: catalogProfiles(),
    readme: readFileSync(repoPath('README.md'), 'utf8'),
    claims: loadClaims(REPO_ROOT),
    gaps: loadKnownGaps(REPO_ROOT),
    prose: [
      { file: 'README.md', text: readFileSync(repoPath('README.md'), 'utf8') },
      ...[...readRepoTree('src/content/docs', /\.mdx?$/)].sort(([a], [b]) => a.localeCompare(b)).map(([file, text]) => ({ file, text })),
    ],
    refSources: repoRefSources(REPO_ROOT, committed, records),
    records,
    content: readRepoTree('content', CONTENT_FILES),
    // The site is checked when it has been built (CI builds before checking); a stale dist/ from
    // an older build is scanned too, which errs on the safe side.
    dist: options.scanDist !== false && existsSync(repoPath('dist')) ? readRepoTree('dist', DIST_FILES) : null,
    repoFile: repoPath,
  };
}

const order = (a: Finding, b: Finding) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.id.localeCompare(b.id);

export function runRules(context: CheckContext, rules: readonly Rule[] = CHECK_RULES): Finding[] {
  return applyKnownGaps(
    rules.flatMap((rule) => rule.check(context)),
    context.gaps.gaps,
  ).sort(order);
}

export async function runCheck(options: { scanDist?: boolean } = {}): Promise<CheckReport> {
  const started = performance.now();
  const findings = runRules(await loadContext(options));
  return {
    ok: findings.every((f) => f.level !== 'error'),
    elapsed_ms: Math.round(performance.now() - started),
    findings,
  };
}
