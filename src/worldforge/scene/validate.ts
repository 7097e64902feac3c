/**
 * Validates a scene artifact: the JSON-native pre-pass first (so NaN, tensors and Date instances
 * get their own codes instead of a generic type error), then the schema. Each issue carries a
 * stable scene error code, a dotted path and a sentence.
 */
import type { z } from 'zod';
import { formatPath, zodIssues } from '../validation.ts';
import type { SceneErrorCode, SceneIssue } from './codes.ts';
import { jsonNativeIssues } from './json-native.ts';
import { sceneArtifactSchema, type SceneArtifact } from './schema.ts';
import { once } from '../once.ts';

const sharedArtifactSchema = once(sceneArtifactSchema);

export type SceneValidation = { ok: true; artifact: SceneArtifact } | { ok: false; issues: SceneIssue[] };

/** The code of a zod issue: a refinement's own code, else one implied by where it happened. */
function codeOf(issue: z.core.$ZodIssue): SceneErrorCode {
  const params = issue.code === 'custom' ? (issue.params as { code?: SceneErrorCode } | undefined) : undefined;
  if (params?.code) return params.code;
  const path = issue.path.map(String);
  if (path[0] === 'units' && path.length === 1) return 'unknown_unit';
  if (path[0] === 'coordinate_frame') return 'invalid_coordinate_frame';
  if (path.includes('transform') || path.includes('bbox')) return 'malformed_transform';
  return 'schema_violation';
}

export function validateSceneArtifact(value: unknown): SceneValidation {
  const native = jsonNativeIssues(value);
  if (native.length) return { ok: false, issues: native };
  const parsed = sharedArtifactSchema().safeParse(value);
  if (parsed.success) return { ok: true, artifact: parsed.data };
  const messages = zodIssues(parsed.error, value);
  return {
    ok: false,
    issues: parsed.error.issues.map((issue, k) => ({ path: formatPath(issue.path), code: codeOf(issue), message: messages[k]!.message })),
  };
}

/** One line per issue: `code at path: message`. */
export const formatSceneIssues = (issues: readonly SceneIssue[]) => issues.map((i) => `${i.code} at ${i.path}: ${i.message}`).join('; ');
