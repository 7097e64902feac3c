import { z } from 'zod';
import { generationOptionsSchema, nonBlankString, videoClipSchema } from './common.ts';

/** generate: produce a media clip from a text prompt. */
export const generateRequestSchema = () =>
  z.strictObject({
    /** What to generate; must not be blank. */
    prompt: nonBlankString(),
    /** Requested duration in seconds; finite and > 0. */
    duration_seconds: z.number().positive(),
    /** Optional generation options. */
    options: generationOptionsSchema().default({}),
  });

export const generateResultSchema = videoClipSchema;
