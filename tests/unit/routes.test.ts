/**
 * The route table (src/worldforge/site/routes.ts): every builder's output, so a page and the links
 * to it (all built from the table) cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { liveSmokeFileName } from '../../src/worldforge/live-smoke.ts';
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
    expect(candidateAnchor('cohort-1', 'genie')).toBe('cohort-1--genie');
    expect(withAnchor('/fixtures/generate/', 'evaluation:physics:x')).toBe('/fixtures/generate/#evaluation%3Aphysics%3Ax');
  });

  it('lists fixed pages as directory paths', () => {
    for (const [name, path] of Object.entries(ROUTES)) expect(path, name).toMatch(/^\/([a-z-]+\/)*$/);
    expect(new Set(Object.values(ROUTES)).size).toBe(Object.keys(ROUTES).length);
  });

  it('anchors a live-smoke row by its registry file name without `.json`', () => {
    expect(liveSmokeFileName('runway', 'generate')).toBe(`${liveSmokeAnchor('runway', 'generate')}.json`);
  });
});
