/**
 * Schema primitives shared by every WorldForge schema (evidence, run manifests, live-smoke
 * entries, scene artifacts). Each shape is declared here once so that, for example, a digest means
 * the same thing in an evidence envelope, a scene asset and a run manifest. Factories return fresh
 * zod schemas (callers may refine them without affecting each other).
 */
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';

/** `sha256:<64 lower-case hex>`: how every file, body and result digest is written. */
export const SHA256_TAG_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** A sha256 digest tag (`sha256:<64 lower-case hex>`), as produced by `sha256Tag` in digest.ts. */
export const sha256Schema = () => z.string().regex(SHA256_TAG_PATTERN, { message: 'must be sha256:<64 lower-case hex>' });

/**
 * A relative POSIX path inside `base` (the repository, a run folder…): no leading `/` or `~`, no
 * drive letter, no backslash, no `..`. Absolute host paths would leak user names and make files
 * machine-specific.
 */
export const relativePathSchema = (base: string) =>
  z
    .string()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.startsWith('~') && !/^[A-Za-z]:/.test(p) && !p.includes('\\') && !p.split('/').includes('..'), {
      message: `must be a path relative to ${base} (no leading /, ~, drive letter, backslash or ..)`,
    });

/** A repository-relative POSIX path, as recorded in evidence inputs. */
export const repoPathSchema = () => relativePathSchema('the repository');

/** Outcome of one case (a check, a fixture, an exchange): it either matched its expectation or not. */
export const CASE_STATUSES = ['passed', 'failed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const caseStatusSchema = () => z.enum(CASE_STATUSES);

/** Outcome of a whole document or run: a suite that could not run is `skipped`, with a typed reason. */
export const EVIDENCE_STATUSES = ['passed', 'failed', 'skipped'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const evidenceStatusSchema = () => z.enum(EVIDENCE_STATUSES);

/** Why a suite or run was skipped; typed so that pages and checks never parse prose. */
export const SKIP_REASONS = ['missing_credentials', 'missing_runtime', 'not_configured'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export const skipReasonSchema = () => z.enum(SKIP_REASONS);

/** A typed error code from src/worldforge/errors.ts: the only error vocabulary evidence uses. */
export const errorCodeSchema = () => z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** One of the seven capabilities, in the registry's spelling. */
export const capabilitySchema = () => z.enum(CAPABILITIES);

/** A provider id: lower-case letters, digits and dashes, starting with a letter (also used in URLs and file names). */
export const providerIdSchema = () => z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'lower-case letters, digits and dashes only' });

/** A runtime manifest id, `<provider>:schema-<n>`, cited by evidence, run manifests and live-smoke entries. */
export const runtimeManifestIdSchema = () => z.string().regex(/^[a-z][a-z0-9-]*:schema-\d+$/, { message: 'must be <provider>:schema-<n>' });

/** An environment variable name (upper-case, digits, underscores). Names only: values never reach files. */
export const envVarNameSchema = () => z.string().regex(/^[A-Z][A-Z0-9_]*$/, { message: 'must be an upper-case env var name' });
