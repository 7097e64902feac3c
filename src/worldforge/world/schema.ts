/**
 * A persisted world: objects with positions, optional axis-aligned bounding boxes and attributes,
 * a step counter and a history of what was done to it. Stored as one JSON file per world under the
 * state dir (`.worldforge/worlds/<id>.json`); ids are file-safe by construction.
 */
import { z } from 'zod';
import { jsonObject, nonBlankString, type WorldState } from '../capabilities/common.ts';

export const WORLD_SCHEMA = 'worldforge.world@1';
export const DEFAULT_STATE_DIR = '.worldforge/worlds';

/** Lower-case letters, digits, dashes and underscores, 1–64 chars, starting with a letter or digit. */
export const WORLD_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const worldIdSchema = () =>
  z
    .string()
    .regex(WORLD_ID_PATTERN, { message: 'must be 1-64 lower-case letters, digits, - or _ (file-safe), starting with a letter or digit' });

const point = () => z.strictObject({ x: z.number(), y: z.number(), z: z.number() });

export const bboxSchema = () =>
  z
    .strictObject({ min: point(), max: point() })
    .refine((b) => b.min.x <= b.max.x && b.min.y <= b.max.y && b.min.z <= b.max.z, { message: 'bbox min must be ≤ max on every axis' });
export type BBox = z.infer<ReturnType<typeof bboxSchema>>;

export const worldObjectSchema = () =>
  z.strictObject({
    id: nonBlankString(),
    position: point(),
    /** Axis-aligned bounding box in world units, or null when unknown. */
    bbox: bboxSchema().nullable().default(null),
    attributes: jsonObject().default({}),
  });
export type WorldObject = z.infer<ReturnType<typeof worldObjectSchema>>;

export const HISTORY_KINDS = ['created', 'plan'] as const;

export const historyEntrySchema = () =>
  z.strictObject({
    step: z.int().min(0),
    kind: z.enum(HISTORY_KINDS),
    /** One value-free sentence. */
    summary: z.string().min(1),
    /** Providers involved, in call order. */
    providers: z.array(z.string()).default([]),
  });

export const worldSchema = () =>
  z.strictObject({
    schema: z.literal(WORLD_SCHEMA),
    id: worldIdSchema(),
    name: z.string().min(1).max(200),
    step: z.int().min(0),
    objects: z
      .array(worldObjectSchema())
      .refine((o) => new Set(o.map((x) => x.id)).size === o.length, { message: 'object ids must be unique' }),
    history: z.array(historyEntrySchema()),
  });
export type World = z.infer<ReturnType<typeof worldSchema>>;

/** The capability-level world state of a world (bounding boxes stay with the world). */
export function worldStateOf(world: World): WorldState {
  return { step: world.step, objects: world.objects.map(({ id, position, attributes }) => ({ id, position, attributes })) };
}

/** A new world with one `created` history entry. */
export function newWorld(id: string, name: string, objects: z.input<ReturnType<typeof worldObjectSchema>>[]): World {
  return worldSchema().parse({
    schema: WORLD_SCHEMA,
    id,
    name,
    step: 0,
    objects,
    history: [{ step: 0, kind: 'created', summary: `created with ${objects.length} object(s)`, providers: [] }],
  });
}
