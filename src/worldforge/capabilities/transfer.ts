import { z } from 'zod';
import { generationOptionsSchema, videoClipSchema } from './common.ts';

/** transfer: re-render an input clip at a target size and frame rate, optionally guided by a prompt. */
export const transferRequestSchema = () =>
  z.strictObject({
    /** The clip to transform. */
    clip: videoClipSchema(),
    /** Target width in pixels. */
    width: z.int().positive(),
    /** Target height in pixels. */
    height: z.int().positive(),
    /** Target frames per second. */
    fps: z.number().positive(),
    /** Optional guidance prompt. */
    prompt: z.string().default(''),
    /** Optional generation options. */
    options: generationOptionsSchema().default({}),
  });

export const transferResultSchema = videoClipSchema;
