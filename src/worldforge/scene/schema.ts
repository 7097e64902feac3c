/**
 * The spatial scene artifact: a JSON-native description of a generated 3D scene (units, frame,
 * objects with transforms, digest-pinned asset and media references, provenance). The boundary
 * and its reasons are in content/design-records/scene-artifact-boundary.md. Refinements tag their
 * issues with a scene error code (`params.code`) so the validator can report it.
 */
import { z } from 'zod';
import { providerIdSchema, runtimeManifestIdSchema, sha256Schema } from '../schema/primitives.ts';
import type { SceneErrorCode } from './codes.ts';
import { checkReference, isHostLocalPath } from './references.ts';

export const SCENE_SCHEMA_VERSION = '1';
export const SCENE_KIND = 'worldforge.scene_artifact';
export const SCENE_UNITS = ['meter', 'centimeter', 'millimeter', 'unitless'] as const;
export const AXES = ['x', 'y', 'z'] as const;
/** Serialized size limit of any metadata object. */
export const MAX_METADATA_BYTES = 2048;
/** Allowed deviation of a rotation quaternion's length from 1. */
export const QUATERNION_TOLERANCE = 1e-3;

const SENSITIVE_KEY = /api[_-]?key|authorization|bearer|credential|password|secret|signature|signed[_-]?url|token/i;

const coded = (ctx: z.RefinementCtx, code: SceneErrorCode, path: PropertyKey[], message: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { code } });

const vector = (length: number) => z.array(z.number()).length(length, { message: `must have exactly ${length} numbers` });
const entityId = () => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { message: 'letters, digits, ".", "_", "-" (≤ 128)' });

/** Keys and string values of a metadata object, walked for credentials and host paths. */
function metadataProblems(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx): void {
  if (typeof value === 'string') {
    if (isHostLocalPath(value)) coded(ctx, 'host_local_path', path, 'an absolute host path in metadata (not echoed)');
    else if (/^https?:/i.test(value)) {
      const problem = checkReference(value, { localOnly: false });
      if (problem) coded(ctx, problem.code, path, problem.message);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) metadataProblems(item, [...path, i], ctx);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (SENSITIVE_KEY.test(key))
        coded(ctx, 'unsafe_metadata', [...path, key], `key '${key}' looks like a credential; metadata is published with the artifact`);
      else metadataProblems(item, [...path, key], ctx);
    }
  }
}

/** Free-form, small, credential-free JSON object. */
export const sceneMetadataSchema = () =>
  z.record(z.string(), z.json()).superRefine((metadata, ctx) => {
    const bytes = new TextEncoder().encode(JSON.stringify(metadata)).length;
    if (bytes > MAX_METADATA_BYTES)
      coded(ctx, 'oversized_metadata', [], `serializes to ${bytes} bytes; the limit is ${MAX_METADATA_BYTES}`);
    metadataProblems(metadata, [], ctx);
  });

/** Placement of an object in the artifact's frame and units. */
export const transformSchema = () =>
  z
    .strictObject({
      /** Position, in the artifact's units. */
      translation: vector(3),
      /** Rotation as a unit quaternion `[x, y, z, w]`. */
      rotation_quat: vector(4),
      /** Per-axis scale; every component > 0 (mirroring is a frame matter, not a scale). */
      scale: vector(3),
    })
    .superRefine((t, ctx) => {
      const norm = Math.hypot(...t.rotation_quat);
      if (Math.abs(norm - 1) > QUATERNION_TOLERANCE)
        coded(ctx, 'malformed_transform', ['rotation_quat'], `length ${norm.toPrecision(4)}; a rotation quaternion must have length 1`);
      t.scale.forEach((s, i) => {
        if (s <= 0) coded(ctx, 'malformed_transform', ['scale', i], `scale ${s} must be > 0`);
      });
    });

/** Axis-aligned bounds in the object's local frame. */
export const bboxSchema = () =>
  z.strictObject({ min: vector(3), max: vector(3) }).superRefine((b, ctx) => {
    b.min.forEach((m, i) => {
      if (m > b.max[i]!) coded(ctx, 'malformed_transform', ['min', i], `min ${m} > max ${b.max[i]}`);
    });
  });

/** A file the scene uses (asset) or shows it with (media), referenced by digest and optional URI. */
export const sceneReferenceSchema = () =>
  z
    .strictObject({
      /** Unique among assets and media. */
      id: entityId(),
      /** What the file is for: `mesh`, `texture`, `point_cloud`, `preview`…. */
      role: z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'lower-case word such as mesh or preview' }),
      /** Digest of the file's bytes: the reference stays verifiable when the URI expires. */
      digest: sha256Schema(),
      /** MIME type, when known. */
      mime_type: z
        .string()
        .regex(/^[a-z]+\/[A-Za-z0-9.+-]+$/, { message: 'must be type/subtype' })
        .optional(),
      /** Relative path or https URL; a host path only with local_only. */
      uri: z.string().min(1).optional(),
      /** Size of the file in bytes. */
      size_bytes: z.int().min(0).optional(),
      /** True when the file stays on the host and the entry is never published. */
      local_only: z.boolean().optional(),
    })
    .superRefine((ref, ctx) => {
      if (ref.uri === undefined) return;
      const problem = checkReference(ref.uri, { localOnly: ref.local_only === true });
      if (problem) coded(ctx, problem.code, ['uri'], problem.message);
    });

export const sceneObjectSchema = () =>
  z.strictObject({
    /** Unique within the artifact; objects are addressed by id, never by position. */
    id: entityId(),
    /** Human-readable label. */
    label: z.string().min(1).max(200).optional(),
    /** Placement. */
    transform: transformSchema(),
    /** Local bounds, when known. */
    bbox: bboxSchema().optional(),
    /** Ids of assets (not media) this object uses. */
    asset_refs: z.array(entityId()).optional(),
    /** Small, safe, free-form data. */
    metadata: sceneMetadataSchema().optional(),
  });

/** Where the artifact came from and what it does not show. */
export const sceneProvenanceSchema = () =>
  z.strictObject({
    /** Runtime manifest id of the producing runtime, or null (fixtures, hand-made artifacts). */
    runtime_manifest: runtimeManifestIdSchema().nullable(),
    /** The command that produced it. */
    command: z.string().min(1),
    /** Digest of the request. */
    input_digest: sha256Schema(),
    /** Digest of the produced result. */
    result_digest: sha256Schema(),
    /** Provider events observed while producing it. */
    event_count: z.int().min(0),
    /** At least one sentence on what the artifact does not show. */
    limitations: z.array(z.string().min(10)).min(1),
  });

export const sceneArtifactSchema = () =>
  z
    .strictObject({
      /** Artifact schema version, a string. */
      schema_version: z.literal(SCENE_SCHEMA_VERSION),
      /** Always `worldforge.scene_artifact`. */
      kind: z.literal(SCENE_KIND),
      /** Provider that produced it. */
      provider: providerIdSchema(),
      /** The capability it surfaces through (generate; mapping deferred). */
      capability: z.literal('generate'),
      /** Length unit of every position and bound. */
      units: z.enum(SCENE_UNITS),
      /** Axis convention. */
      coordinate_frame: z.strictObject({
        /** Axis pointing up. */
        up_axis: z.enum(AXES),
        /** Axis pointing forward; differs from up_axis. */
        forward_axis: z.enum(AXES),
        /** Handedness of the frame. */
        handedness: z.enum(['left', 'right']),
      }),
      /** Scene objects. */
      objects: z.array(sceneObjectSchema()),
      /** Files the objects use. */
      assets: z.array(sceneReferenceSchema()),
      /** Previews and renders of the scene. */
      media: z.array(sceneReferenceSchema()).optional(),
      /** Where it came from. */
      provenance: sceneProvenanceSchema(),
      /** Small, safe, free-form data. */
      metadata: sceneMetadataSchema().optional(),
    })
    .superRefine((scene, ctx) => {
      if (scene.coordinate_frame.up_axis === scene.coordinate_frame.forward_axis) {
        coded(
          ctx,
          'invalid_coordinate_frame',
          ['coordinate_frame', 'forward_axis'],
          `up_axis and forward_axis are both ${scene.coordinate_frame.up_axis}`,
        );
      }
      const objectIds = new Set<string>();
      scene.objects.forEach((o, i) => {
        if (objectIds.has(o.id)) coded(ctx, 'duplicate_id', ['objects', i, 'id'], `object id '${o.id}' is used twice`);
        objectIds.add(o.id);
      });
      const refIds = new Set<string>();
      for (const [list, entries] of [
        ['assets', scene.assets],
        ['media', scene.media ?? []],
      ] as const) {
        entries.forEach((a, i) => {
          if (refIds.has(a.id)) coded(ctx, 'duplicate_id', [list, i, 'id'], `asset/media id '${a.id}' is used twice`);
          refIds.add(a.id);
        });
      }
      const assetIds = new Set(scene.assets.map((a) => a.id));
      for (const [i, o] of scene.objects.entries()) {
        for (const [k, ref] of (o.asset_refs ?? []).entries()) {
          if (!assetIds.has(ref))
            coded(ctx, 'unknown_asset_ref', ['objects', i, 'asset_refs', k], `asset '${ref}' is not listed in assets`);
        }
      }
    });
export type SceneArtifact = z.infer<ReturnType<typeof sceneArtifactSchema>>;
