/**
 * Failure-case galleries, derived from the evidence of the suites they cover (which they re-run:
 * the suites are deterministic, so the cases equal those in the committed evidence). Each gallery
 * is written as JSON evidence and as Markdown for issue attachments.
 */
import { CAPABILITIES } from '../src/worldforge/capabilities/index.ts';
import { canonicalJson, sha256Tag } from '../src/worldforge/digest.ts';
import type { ConformanceEvidence } from '../src/worldforge/evidence/conformance.ts';
import type { EvaluationEvidence } from '../src/worldforge/evidence/evaluation.ts';
import type { ExchangesEvidence } from '../src/worldforge/evidence/exchanges.ts';
import type { FixturesEvidence } from '../src/worldforge/evidence/fixtures.ts';
import type { ScenesEvidence } from '../src/worldforge/evidence/scenes.ts';
import {
  GALLERY_DISCLAIMER,
  GALLERY_LABELS,
  GALLERY_SCHEMA,
  type GalleryCase,
  type GalleryEvidence,
} from '../src/worldforge/evidence/gallery.ts';
import { EVALUATION_SUITES } from '../src/worldforge/evaluation/suites/index.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import { CATALOG, PROVIDER_NAMES } from '../src/worldforge/providers/catalog.ts';
import { triageFor } from '../src/worldforge/providers/runtime-manifest.ts';
import { conformanceEvidence } from './conformance.ts';
import { evaluationEvidence } from './evaluation.ts';
import { exchangeProviders, exchangesEvidence } from './exchanges.ts';
import { fixturesEvidence } from './fixtures.ts';
import { SCENE_SUBJECT, scenesEvidence } from './scenes.ts';
import { renderGalleryMarkdown } from './gallery-markdown.ts';
import { inputDigests, WORLDFORGE_VERSION } from './repo.ts';

type Source = { path: string; doc: { inputs: { path: string; sha256: string }[]; event_count: number } };

function conformanceCases(doc: ConformanceEvidence): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.kind === 'fails-closed' || c.kind === 'rejects-invalid')
    .map((c) => ({
      case_id: `conformance:${doc.body.provider}:${c.id}`,
      subject: doc.body.provider,
      fixture_id: c.id,
      label: c.status === 'failed' ? 'unexpected-failure' : 'expected-rejection',
      input_summary:
        c.kind === 'fails-closed'
          ? `a valid ${c.capability} request to a provider that does not advertise ${c.capability}`
          : `an invalid ${c.capability} request`,
      expected_contract: c.expected,
      observed: redactText(c.observed),
      error_code: c.error_code,
      first_triage_step:
        c.status === 'failed'
          ? `Run \`npx worldforge evidence generate --only conformance/${doc.body.provider}\` and read case ${c.id} in evidence/conformance/${doc.body.provider}.json.`
          : c.kind === 'fails-closed'
            ? `Check the provider profile: ${doc.body.provider} does not advertise ${c.capability}; route the call to a provider that does.`
            : 'Read the field named in the error and correct the request; the provider was never called.',
      source: `evidence/conformance/${doc.body.provider}.json`,
    }));
}

function fixtureCases(doc: FixturesEvidence): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.expected !== 'ok')
    .map((c) => {
      const check = c.checks.find((k) => k.status === 'failed') ?? c.checks.at(-1)!;
      const failed = c.status === 'failed';
      return {
        case_id: `fixtures:${c.fixture_id}`,
        subject: doc.body.capability,
        fixture_id: c.fixture_id,
        label: failed ? 'unexpected-failure' : 'expected-rejection',
        input_summary: c.input_summary,
        expected_contract: `${c.description} Expected: ${c.expected}.`,
        observed: redactText(`${check.target}: ${check.observed}`),
        error_code: check.error_code,
        first_triage_step: failed
          ? `Compare ${c.fixture_path} with the observed text; fix the provider or the fixture, then run \`npm run evidence\`.`
          : `Compare your request with ${c.fixture_path}; the field named in the error is the one to fix.`,
        source: `evidence/fixtures/${doc.body.capability}.json`,
      };
    });
}

function sceneCases(doc: ScenesEvidence): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.expected !== 'accepted')
    .map((c) => {
      const failed = c.status === 'failed';
      const first = c.issues[0];
      return {
        case_id: `scenes:${c.fixture_id}`,
        subject: 'scene-artifact',
        fixture_id: c.fixture_id,
        label: failed ? 'unexpected-failure' : 'expected-rejection',
        input_summary: c.description,
        expected_contract: `Scene artifact validator: ${c.expected}.`,
        observed: redactText(first ? `${c.observed} (${first.code} at ${first.path}: ${first.message})` : c.observed),
        // A refused artifact is refused input; the scene code is in the observed text.
        error_code: c.issues.length ? 'invalid_input' : null,
        first_triage_step: failed
          ? `Run \`npx worldforge evidence generate --only scenes/${SCENE_SUBJECT}\`, compare ${c.fixture_path} with the observed codes, and fix the validator in src/worldforge/scene/ or the fixture.`
          : `Compare your artifact with ${c.fixture_path}; the path and code in the error name the field to fix.`,
        source: `evidence/scenes/${SCENE_SUBJECT}.json`,
      };
    });
}

/** Every recorded failure mode of a remote provider, with its typed error and first triage command. */
function exchangeCases(doc: ExchangesEvidence): GalleryCase[] {
  const runtime = CATALOG[doc.body.provider]?.runtime ?? null;
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.failure_mode !== 'success')
    .map((c) => {
      const triage = triageFor(runtime, c.error_code);
      return {
        case_id: `exchanges:${c.exchange_id}`,
        subject: `${doc.body.provider}/${c.capability}`,
        fixture_id: c.exchange_id,
        label: c.status === 'failed' ? 'unexpected-failure' : 'expected-rejection',
        input_summary: `${c.failure_mode}: ${c.description}`,
        expected_contract: `The adapter raises ${c.expected}.`,
        observed: redactText(c.observed),
        error_code: c.error_code,
        first_triage_step:
          c.status === 'failed'
            ? `Run \`${doc.command}\` and compare case ${c.exchange_id} with ${c.exchange_path}.`
            : `\`${triage.command}\` — ${triage.note}`,
        source: `evidence/exchanges/${doc.body.provider}.json`,
      };
    });
}

function evaluationCases(doc: EvaluationEvidence): GalleryCase[] {
  const { body } = doc;
  return body.scenarios
    .filter((s) => !s.passed || !s.matches_expectation)
    .map((s) => {
      const label = s.matches_expectation ? 'known-failure' : s.passed ? 'expectation-outdated' : 'unexpected-failure';
      const failedThresholds = s.thresholds.filter((t) => !t.passed).map((t) => `${t.metric}=${t.observed} (needs ${t.op} ${t.value})`);
      return {
        case_id: `evaluation:${body.suite}:${s.scenario}`,
        subject: `${body.provider}/${body.capability}`,
        fixture_id: `evaluation:${body.suite}:${s.scenario}`,
        label,
        input_summary: `${s.description} (input ${s.input_digest.slice(0, 19)}…)`,
        expected_contract:
          s.thresholds.map((t) => `${t.metric} ${t.op} ${t.value}`).join(' and ') + (s.expectation_note ? ` — ${s.expectation_note}` : ''),
        observed: redactText(
          `${s.observed}; ${failedThresholds.length ? `failed: ${failedThresholds.join(', ')}` : 'all thresholds held'}`,
        ),
        error_code: null,
        first_triage_step:
          label === 'known-failure'
            ? `Expected: this scenario is deliberately strict. If a provider change makes it pass, update its expectation in src/worldforge/evaluation/suites/${body.suite}.ts.`
            : label === 'expectation-outdated'
              ? `The scenario now passes: change its expectation to 'pass' in src/worldforge/evaluation/suites/${body.suite}.ts and run \`npm run evidence\`.`
              : `Run \`npx worldforge evidence generate --only evaluation/${body.suite}\` and compare the metrics in evidence/evaluation/${body.suite}.json with the thresholds.`,
        source: `evidence/evaluation/${body.suite}.json`,
      };
    });
}

function galleryDocument(gallery: string, title: string, sources: Source[], cases: GalleryCase[]): GalleryEvidence {
  const counts = Object.fromEntries(GALLERY_LABELS.map((label) => [label, cases.filter((c) => c.label === label).length]));
  const body = {
    gallery,
    title,
    disclaimer: GALLERY_DISCLAIMER,
    sources: sources.map((s) => s.path),
    counts,
    cases,
  } as GalleryEvidence['body'];
  return {
    schema: GALLERY_SCHEMA,
    suite: 'galleries',
    suite_version: '1',
    subject: {},
    command: `npx worldforge evidence generate --only galleries/${gallery}`,
    worldforge_version: WORLDFORGE_VERSION,
    inputs: inputDigests(['generators/galleries.ts', ...sources.flatMap((s) => s.doc.inputs.map((i) => i.path))]),
    result_digest: sha256Tag(canonicalJson(body)),
    event_count: sources.reduce((sum, s) => sum + s.doc.event_count, 0),
    runtime_manifest: null,
    budget: null,
    claim_boundary: GALLERY_DISCLAIMER,
    status: cases.some((c) => c.label === 'unexpected-failure' || c.label === 'expectation-outdated') ? 'failed' : 'passed',
    skip_reason: null,
    body,
  };
}

export interface GalleryDefinition {
  id: string;
  title: string;
  build: () => Promise<GalleryEvidence>;
}

export function galleryDefinitions(): GalleryDefinition[] {
  return [
    {
      id: 'conformance',
      title: 'Conformance: fail-closed and rejected calls',
      build: async () => {
        const docs = await Promise.all(PROVIDER_NAMES.map((name) => conformanceEvidence(name)));
        const sources = docs.map((doc) => ({ path: `evidence/conformance/${doc.body.provider}.json`, doc }));
        return galleryDocument('conformance', 'Conformance: fail-closed and rejected calls', sources, docs.flatMap(conformanceCases));
      },
    },
    {
      id: 'fixtures',
      title: 'Fixture corpus: expected rejections',
      build: async () => {
        const docs = await Promise.all(CAPABILITIES.map((capability) => fixturesEvidence(capability)));
        const sources = docs.map((doc) => ({ path: `evidence/fixtures/${doc.body.capability}.json`, doc }));
        return galleryDocument('fixtures', 'Fixture corpus: expected rejections', sources, docs.flatMap(fixtureCases));
      },
    },
    ...EVALUATION_SUITES.map((suite) => ({
      id: suite.id,
      title: `Evaluation: ${suite.id}`,
      build: async () => {
        const doc = await evaluationEvidence(suite.id);
        const sources = [{ path: `evidence/evaluation/${suite.id}.json`, doc }];
        return galleryDocument(suite.id, `Evaluation: ${suite.id}`, sources, evaluationCases(doc));
      },
    })),
    {
      id: 'scenes',
      title: 'Scene artifacts: refused artifacts',
      build: async () => {
        const doc = await scenesEvidence(SCENE_SUBJECT);
        return galleryDocument(
          'scenes',
          'Scene artifacts: refused artifacts',
          [{ path: `evidence/scenes/${SCENE_SUBJECT}.json`, doc }],
          sceneCases(doc),
        );
      },
    },
    {
      id: 'providers',
      title: 'Remote providers: recorded failure modes',
      build: async () => {
        const docs = await Promise.all(exchangeProviders().map((name) => exchangesEvidence(name)));
        const sources = docs.map((doc) => ({ path: `evidence/exchanges/${doc.body.provider}.json`, doc }));
        return galleryDocument('providers', 'Remote providers: recorded failure modes', sources, docs.flatMap(exchangeCases));
      },
    },
  ];
}

export const gallerySubjects = () =>
  galleryDefinitions().map((gallery) => ({
    id: `galleries/${gallery.id}`,
    build: gallery.build,
    exports: (doc: unknown): [string, string][] => [[`galleries/${gallery.id}.md`, renderGalleryMarkdown(doc as GalleryEvidence)]],
  }));
