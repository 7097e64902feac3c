/**
 * Shapes shared by several capability contracts. Every number is finite (zod 4 rejects NaN and
 * ±Infinity for `z.number()`), every object is strict so a typo is an error rather than a silent
 * no-op, and JSON payloads are checked to be JSON (no functions, no class instances).
 */
import { z } from 'zod';
import { hasSignedQuery, hasUserInfo } from '../redaction.ts';

/** Any JSON value: what a world state, metadata bag or provider-shaped payload may hold. */
export const jsonValue = () => z.json();

/** A JSON object (not an array, not a scalar). */
export const jsonObject = () => z.record(z.string(), z.json());

/** A probability-like score in [0, 1]. */
export const unitInterval = () => z.number().min(0).max(1);

/** A non-empty string after trimming surrounding whitespace. */
export const nonBlankString = () => z.string().trim().min(1, { message: 'must not be empty or whitespace only' });

/** An action a world model can apply: `kind` names it, `parameters` carries its JSON arguments. */
export const actionSchema = () =>
  z.strictObject({
    /** What the action does, e.g. `move_to` or `spawn_object`. */
    kind: nonBlankString(),
    /** JSON arguments of the action; shape depends on `kind`. */
    parameters: jsonObject().default({}),
  });
export type Action = z.infer<ReturnType<typeof actionSchema>>;

/**
 * A world state: a JSON object that must name its objects. Each object has an id and a
 * position so that predict and reason have something concrete to act on.
 */
export const worldStateSchema = () =>
  z.strictObject({
    /** Objects in the scene, keyed by nothing: ids must be unique. */
    objects: z
      .array(
        z.strictObject({
          /** Unique object id. */
          id: nonBlankString(),
          /** Position in the scene's units. */
          position: z.strictObject({ x: z.number(), y: z.number(), z: z.number() }),
          /** Free JSON attributes (colour, mass, label…). */
          attributes: jsonObject().default({}),
        }),
      )
      .refine((objects) => new Set(objects.map((o) => o.id)).size === objects.length, {
        message: 'object ids must be unique',
      }),
    /** Simulation step counter. */
    step: z.int().min(0).default(0),
  });
export type WorldState = z.infer<ReturnType<typeof worldStateSchema>>;

/** Raw frame bytes. Never serialized into evidence: see `summarizeForEvidence`. */
export const frameBytes = () => z.instanceof(Uint8Array);

/** A media clip returned by generate and transfer, and accepted by transfer. */
export const videoClipSchema = () =>
  z.strictObject({
    /** Encoded frames (or one encoded container blob). At least one. */
    frames: z.array(frameBytes()).min(1, { message: 'a clip needs at least one frame' }),
    /** Frames per second, > 0. */
    fps: z.number().positive(),
    /** Width and height in pixels, positive integers. */
    resolution: z.strictObject({ width: z.int().positive(), height: z.int().positive() }),
    /** Duration in seconds, ≥ 0. */
    duration_seconds: z.number().min(0),
    /** MIME type of the frames; `application/octet-stream` when unknown. */
    content_type: z.string().min(1).default('application/octet-stream'),
    /** Safe JSON metadata about the clip (never signed URLs or secrets). */
    metadata: jsonObject().default({}),
  });
export type VideoClip = z.infer<ReturnType<typeof videoClipSchema>>;

/** Options a caller may pass to media generation. All optional. */
export const generationOptionsSchema = () =>
  z.strictObject({
    /** Model id to use instead of the provider's default. */
    model: z.string().min(1).optional(),
    /** Aspect ratio, `WIDTH:HEIGHT`. */
    ratio: z
      .string()
      .regex(/^\d+:\d+$/, { message: 'ratio must look like WIDTH:HEIGHT' })
      .optional(),
    /** Frames per second, > 0. */
    fps: z.number().positive().optional(),
    /** Seed for providers that support reproducible sampling. */
    seed: z.int().optional(),
    /** Negative prompt. */
    negative_prompt: z.string().optional(),
    /** Conditioning image as an https URL or data URI. Signed or credentialed URLs are refused. */
    image: z
      .string()
      .min(1)
      .refine((v) => !hasSignedQuery(v) && !hasUserInfo(v), {
        message: 'signed URL query strings and credentials in URLs are refused; pass an unsigned URL or a data URI',
      })
      .optional(),
    /** Provider-specific extras, passed through as JSON. */
    extras: jsonObject().optional(),
  });
