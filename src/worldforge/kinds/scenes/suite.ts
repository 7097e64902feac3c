/**
 * The scene fixture suite: every artifact under fixtures/scenes/ goes through the scene validator
 * (JSON-native pre-pass, then schema) and is compared with the outcome its fixture expects.
 */
import { readdirSync } from 'node:fs';
import { buildEvidenceDocument, statusOfCases } from '../../evidence/suite/document.ts';
import { repoSceneCorpus } from '../../evidence/suite/inputs.ts';
import { memoize } from '../../evidence/suite/memo.ts';
import { repoPath, sourceOf } from '../../evidence/suite/repo.ts';
import { redactionSources, redactText } from '../../redaction.ts';
import { decodeSceneValue, SCENE_CORPUS_DIR, type SceneFixture } from '../../scene/fixtures.ts';
import { SCENE_SCHEMA_VERSION } from '../../scene/schema.ts';
import { validateSceneArtifact } from '../../scene/validate.ts';
import { SCENES_KIND, type SceneCase, type ScenesEvidence } from './schema.ts';

export const SUITE_VERSION = '1';
/** The one scene subject: the whole corpus, `scenes/artifacts`. */
export const SCENE_SUBJECT = 'artifacts';
const SCENE_SOURCE_DIR = 'src/worldforge/scene';

export function sceneCase(fixture: SceneFixture): SceneCase {
  const result = validateSceneArtifact(decodeSceneValue(fixture.artifact));
  const issues = result.ok ? [] : result.issues.map((i) => ({ ...i, message: redactText(i.message) }));
  const codes = [...new Set(issues.map((i) => i.code))];
  const passed = fixture.expect.ok ? result.ok : codes.includes(fixture.expect.error);
  return {
    fixture_id: fixture.id,
    fixture_path: fixture.path,
    description: fixture.description,
    origin: fixture.origin,
    expected: fixture.expect.ok ? 'accepted' : `rejected ${fixture.expect.error}`,
    observed: result.ok ? 'accepted' : `rejected ${codes.join(', ')}`,
    issues,
    status: passed ? 'passed' : 'failed',
  };
}

async function buildScenesEvidence(): Promise<ScenesEvidence> {
  const fixtures = repoSceneCorpus();
  const cases = fixtures.map(sceneCase).sort((a, b) => a.fixture_id.localeCompare(b.fixture_id));
  const valid = fixtures.filter((f) => f.expect.ok).length;
  const body = {
    corpus: SCENE_CORPUS_DIR,
    artifact_schema_version: SCENE_SCHEMA_VERSION,
    counts: { valid, invalid: fixtures.length - valid },
    cases,
  };
  // The validator's sources are inputs: changing a rule makes this evidence stale.
  const sources = readdirSync(repoPath(SCENE_SOURCE_DIR))
    .filter((n) => n.endsWith('.ts'))
    .map((n) => `${SCENE_SOURCE_DIR}/${n}`);
  return buildEvidenceDocument(SCENES_KIND, {
    name: SCENE_SUBJECT,
    subject: { capability: 'generate' },
    suite_version: SUITE_VERSION,
    inputs: [sourceOf(import.meta.url), ...redactionSources(), ...sources, ...fixtures.map((f) => f.path)],
    body,
    status: statusOfCases(cases),
    event_count: 0,
    claim_boundary:
      'Shows that the scene artifact validator accepts and refuses the committed scene fixtures as they expect. It does not show that any provider produces scene artifacts (the generate mapping is deferred), nor anything about geometry quality or the referenced asset bytes.',
  });
}

/** The scene fixture evidence (built once per process). */
export const scenesEvidence = memoize(async (_: typeof SCENE_SUBJECT) => buildScenesEvidence());

export const subjects = () => [{ name: SCENE_SUBJECT, build: () => scenesEvidence(SCENE_SUBJECT) }];
