/**
 * Failure-case galleries, derived from the evidence of the suites they cover (which they re-run:
 * the suites are deterministic and memoized, so the cases equal those in the committed evidence).
 * Each gallery is written as JSON evidence and as Markdown for issue attachments.
 */
import { CAPABILITIES } from '../../capabilities/index.ts';
import { EVALUATION_SUITES } from '../../evaluation/suites/index.ts';
import { buildEvidenceDocument, evidenceFilePath } from '../../evidence/suite/document.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import type { DocumentKind } from '../define.ts';
import { PROVIDER_NAMES } from '../../providers/catalog.ts';
import { CONFORMANCE_KIND } from '../conformance/schema.ts';
import { conformanceEvidence } from '../conformance/suite.ts';
import { EVALUATION_KIND } from '../evaluation/schema.ts';
import { evaluationEvidence } from '../evaluation/suite.ts';
import { EXCHANGES_KIND } from '../exchanges/schema.ts';
import { exchangeProviders, exchangesEvidence } from '../exchanges/suite.ts';
import { FIXTURES_KIND } from '../fixtures/schema.ts';
import { fixturesEvidence } from '../fixtures/suite.ts';
import { SCENES_KIND } from '../scenes/schema.ts';
import { SCENE_SUBJECT, scenesEvidence } from '../scenes/suite.ts';
import { CASES_SOURCE, conformanceCases, evaluationCases, exchangeCases, fixtureCases, type SourceDocument, sceneCases } from './cases.ts';
import { renderGalleryMarkdown } from './markdown.ts';
import { GALLERIES_KIND, GALLERY_DISCLAIMER, GALLERY_LABELS, type GalleryCase, type GalleryEvidence } from './schema.ts';

export const SUITE_VERSION = '1';

type Source = SourceDocument<{ inputs: { path: string }[]; event_count: number }>;

function galleryDocument(gallery: string, title: string, sources: Source[], cases: GalleryCase[]): GalleryEvidence {
  const counts = Object.fromEntries(GALLERY_LABELS.map((label) => [label, cases.filter((c) => c.label === label).length]));
  const body = {
    gallery,
    title,
    disclaimer: GALLERY_DISCLAIMER,
    sources: sources.map((s) => s.file),
    counts,
    cases,
  } as GalleryEvidence['body'];
  return buildEvidenceDocument(GALLERIES_KIND, {
    name: gallery,
    subject: {},
    suite_version: SUITE_VERSION,
    // A gallery is stale whenever one of the documents it is taken from is.
    inputs: [sourceOf(import.meta.url), CASES_SOURCE, ...sources.flatMap((s) => s.doc.inputs.map((i) => i.path))],
    body,
    status: cases.some((c) => c.label === 'unexpected-failure' || c.label === 'expectation-outdated') ? 'failed' : 'passed',
    event_count: sources.reduce((sum, s) => sum + s.doc.event_count, 0),
    claim_boundary: GALLERY_DISCLAIMER,
  });
}

export interface GalleryDefinition {
  id: string;
  title: string;
  build: () => Promise<GalleryEvidence>;
}

/** A gallery over some documents: each document is cited by its file and mapped to cases by `toCases`. */
function gallery<Doc extends Source['doc']>(
  id: string,
  title: string,
  documents: () => Promise<SourceDocument<Doc>[]>,
  toCases: (source: SourceDocument<Doc>) => GalleryCase[],
): GalleryDefinition {
  return {
    id,
    title,
    build: async () => {
      const sources = await documents();
      return galleryDocument(id, title, sources, sources.flatMap(toCases));
    },
  };
}

/** Builds each named document with `build` and pairs it with its evidence file path. */
const documentsOf =
  <Name extends string, Doc>(kind: DocumentKind, names: readonly Name[], build: (name: Name) => Promise<Doc>) =>
  () =>
    Promise.all(names.map(async (name) => ({ doc: await build(name), file: evidenceFilePath(kind, name) })));

export function galleryDefinitions(): GalleryDefinition[] {
  return [
    gallery(
      'conformance',
      'Conformance: fail-closed and rejected calls',
      documentsOf(CONFORMANCE_KIND, PROVIDER_NAMES, conformanceEvidence),
      conformanceCases,
    ),
    gallery('fixtures', 'Fixture corpus: expected rejections', documentsOf(FIXTURES_KIND, CAPABILITIES, fixturesEvidence), fixtureCases),
    ...EVALUATION_SUITES.map((suite) =>
      gallery(suite.id, `Evaluation: ${suite.id}`, documentsOf(EVALUATION_KIND, [suite.id], evaluationEvidence), evaluationCases),
    ),
    gallery('scenes', 'Scene artifacts: refused artifacts', documentsOf(SCENES_KIND, [SCENE_SUBJECT], scenesEvidence), sceneCases),
    gallery(
      'providers',
      'Remote providers: recorded failure modes',
      documentsOf(EXCHANGES_KIND, exchangeProviders(), exchangesEvidence),
      exchangeCases,
    ),
  ];
}

/** One subject per gallery: `galleries/<id>`, with its Markdown export next to it. */
export const subjects = () =>
  galleryDefinitions().map((definition) => ({
    name: definition.id,
    build: definition.build,
    exports: (doc: unknown): [string, string][] => [
      [`${GALLERIES_KIND.id}/${definition.id}.md`, renderGalleryMarkdown(doc as GalleryEvidence)],
    ],
  }));
