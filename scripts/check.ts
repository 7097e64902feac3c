/**
 * `worldforge check`: regenerates every suite in memory and compares with the committed tree.
 * It reads sources only (evidence JSON, profiles, README), never rendered pages, so it is
 * independent of Astro's Markdown processor and cache, and far cheaper than a site build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildEvidence, readCommittedEvidence, type EvidenceFiles } from '../generators/run.ts';
import { REPO_ROOT, repoPath } from '../generators/repo.ts';
import { sha256Tag } from '../src/worldforge/digest.ts';
import { FixtureCorpusError } from '../src/worldforge/fixtures/load.ts';
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
import { conformanceFailedRule, profileConformanceRule, readmeProviderTableRule } from './check/provider-rules.ts';
import { RECORD_RULES } from './check/record-rules.ts';
import { sceneFixtureFailedRule } from './check/scene-rules.ts';

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
  ...RECORD_RULES,
];

function currentDigest(path: string): string | null {
  const full = repoPath(path);
  return existsSync(full) ? sha256Tag(readFileSync(full)) : null;
}

export async function loadContext(): Promise<CheckContext> {
  let fresh: EvidenceFiles | null = null;
  let inputProblems: CheckContext['inputProblems'] = [];
  try {
    fresh = await buildEvidence();
  } catch (error) {
    if (!(error instanceof FixtureCorpusError)) throw error;
    inputProblems = [...error.problems];
  }
  return {
    committed: readCommittedEvidence(),
    fresh,
    inputProblems,
    currentDigest,
    profiles: catalogProfiles(),
    readme: readFileSync(repoPath('README.md'), 'utf8'),
    records: loadRecords(REPO_ROOT),
  };
}

const order = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.id.localeCompare(b.id);

export function runRules(context: CheckContext, rules: readonly Rule[] = CHECK_RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(context)).sort(order);
}

export async function runCheck(): Promise<CheckReport> {
  const started = performance.now();
  const findings = runRules(await loadContext());
  return {
    ok: findings.every((f) => f.level !== 'error'),
    elapsed_ms: Math.round(performance.now() - started),
    findings,
  };
}
