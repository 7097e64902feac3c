/**
 * The route table (src/worldforge/site/routes.ts): every builder's output, and agreement with the
 * route and anchor helpers that other modules still define themselves (until they import the
 * table), so a page and its links cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { RULE_IDS, ruleDocsPath } from '../../src/worldforge/checks/rules.ts';
import { LIVE_SMOKE_DIR, liveSmokeAnchor as registryAnchor, liveSmokeFileName } from '../../src/worldforge/live-smoke.ts';
import * as rubric from '../../src/worldforge/records/rubric.ts';
import {
  bandAnchor,
  candidateAnchor,
  checkRuleSectionPath,
  claimPath,
  criterionAnchor,
  designRecordPath,
  evaluationPath,
  fixturesPath,
  galleryMarkdownPath,
  galleryPath,
  liveSmokeAnchor,
  liveSmokePath,
  providerPath,
  ROUTES,
  rulePath,
  selectionPath,
  withAnchor,
} from '../../src/worldforge/site/routes.ts';

describe('route table', () => {
  it('builds every page path with a trailing slash and every anchor after #', () => {
    expect(providerPath('mock')).toBe('/providers/mock/');
    expect(fixturesPath('generate')).toBe('/fixtures/generate/');
    expect(evaluationPath('physics')).toBe('/evaluation/physics/');
    expect(galleryPath('scenes')).toBe('/galleries/scenes/');
    expect(galleryMarkdownPath('scenes')).toBe('/galleries/scenes.md');
    expect(designRecordPath('genie')).toBe('/design-records/genie/');
    expect(rulePath('evidence-drift')).toBe('/rules/evidence-drift/');
    expect(checkRuleSectionPath('evaluation-mismatch')).toBe('/reference/check-rules/#evaluation-mismatch');
    expect(claimPath('mock-generate')).toBe('/claims/#mock-generate');
    expect(selectionPath('cohort-1')).toBe('/selection/#cohort-1');
    expect(selectionPath('cohort-1', 'genie')).toBe('/selection/#cohort-1--genie');
    expect(liveSmokePath('runway', 'generate')).toBe('/live-smoke/#runway-generate');
    expect(liveSmokePath('runway')).toBe('/live-smoke/#runway');
    expect(criterionAnchor('runtime_ownership')).toBe('runtime-ownership');
    expect(bandAnchor('strong')).toBe('band-strong');
    expect(withAnchor('/fixtures/generate/', 'evaluation:physics:x')).toBe('/fixtures/generate/#evaluation%3Aphysics%3Ax');
  });

  it('lists fixed pages as directory paths', () => {
    for (const [name, path] of Object.entries(ROUTES)) expect(path, name).toMatch(/^\/([a-z-]+\/)*$/);
    expect(new Set(Object.values(ROUTES)).size).toBe(Object.keys(ROUTES).length);
  });

  it('agrees with the helpers still defined next to the rules, the rubric and the live-smoke registry', () => {
    for (const rule of RULE_IDS) expect(ruleDocsPath(rule)).toBe(rulePath(rule));
    expect(rubric.SELECTION_ROUTES).toEqual({
      records: ROUTES.selection,
      rubric: ROUTES.selectionRubric,
      promotionRules: ROUTES.selectionPromotionRules,
    });
    for (const id of rubric.CRITERION_IDS) expect(rubric.criterionAnchor(id)).toBe(criterionAnchor(id));
    for (const band of rubric.SCORE_BANDS) expect(rubric.bandAnchor(band)).toBe(bandAnchor(band.id));
    expect(rubric.candidateAnchor('cohort-1', 'genie')).toBe(candidateAnchor('cohort-1', 'genie'));
    expect(registryAnchor('runway', 'generate')).toBe(liveSmokeAnchor('runway', 'generate'));
    // A row's anchor is its registry file name without `.json`.
    expect(`${LIVE_SMOKE_DIR}/${liveSmokeFileName('runway', 'generate')}`).toBe(
      `${LIVE_SMOKE_DIR}/${liveSmokeAnchor('runway', 'generate')}.json`,
    );
  });
});
