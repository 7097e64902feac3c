/**
 * Failure-case galleries: representative failing cases of one suite, taken from its evidence, for
 * triage and issue attachments. They are deterministic contract triage, not fidelity rankings.
 */
import { z } from 'zod';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { errorCodeSchema } from '../../schema/primitives.ts';

export const GALLERY_SCHEMA = 'worldforge.evidence.gallery@1';
/** The document kind: its folder under evidence/ and the schema name its envelope carries. */
export const GALLERIES_KIND = { id: 'galleries', schemaName: GALLERY_SCHEMA } as const;
export const GALLERY_DISCLAIMER =
  'Deterministic contract triage from checkout-safe suites, not a fidelity ranking: a case here shows how a contract refuses or fails, not how good a model is.';

/**
 * - `expected-rejection`: an invalid input refused with the expected typed error;
 * - `known-failure`: a deliberately strict scenario the provider is expected to fail;
 * - `unexpected-failure`: a case that should have passed and did not;
 * - `expectation-outdated`: a known failure that now passes (update its expectation).
 */
export const GALLERY_LABELS = ['expected-rejection', 'known-failure', 'unexpected-failure', 'expectation-outdated'] as const;

export const galleryCaseSchema = () =>
  z.strictObject({
    /** `<suite>:<subject>:<case>`, unique within the gallery. */
    case_id: z.string().min(1),
    /** Provider or capability the case is about. */
    subject: z.string().min(1),
    /** Fixture id or scenario id the case comes from. */
    fixture_id: z.string().min(1),
    /** Why the case is in the gallery. */
    label: z.enum(GALLERY_LABELS),
    /** Safe, byte-free summary of the input. */
    input_summary: z.string().min(1),
    /** The contract the case expects. */
    expected_contract: z.string().min(1),
    /** What happened: result summary or typed error. */
    observed: z.string().min(1),
    /** Typed error code, when there was one. */
    error_code: errorCodeSchema().nullable(),
    /** The first thing to do when this case shows up in a report. */
    first_triage_step: z.string().min(1),
    /** Evidence file the case was taken from. */
    source: z.string().min(1),
  });
export type GalleryCase = z.infer<ReturnType<typeof galleryCaseSchema>>;

export const galleryBodySchema = () =>
  z.strictObject({
    /** Gallery (suite) id. */
    gallery: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Title shown on pages and in Markdown. */
    title: z.string().min(1),
    /** Always the triage disclaimer. */
    disclaimer: z.literal(GALLERY_DISCLAIMER),
    /** Evidence files the cases come from. */
    sources: z.array(z.string().min(1)).min(1),
    /** Number of cases by label. */
    counts: z.record(z.enum(GALLERY_LABELS), z.int().min(0)),
    /** The cases. */
    cases: z.array(galleryCaseSchema()),
  });
export type GalleryBody = z.infer<ReturnType<typeof galleryBodySchema>>;

export const galleryEvidenceSchema = () => evidenceDocumentSchema(GALLERY_SCHEMA, galleryBodySchema());
export type GalleryEvidence = z.infer<ReturnType<typeof galleryEvidenceSchema>>;
