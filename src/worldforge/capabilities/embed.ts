import { z } from 'zod';
import { nonBlankString } from './common.ts';

/** embed: turn text into a vector. */
export const embedRequestSchema = () =>
  z.strictObject({
    /** Text to embed; must not be blank. */
    text: nonBlankString(),
  });

export const embedResultSchema = () =>
  z
    .strictObject({
      /** Provider that embedded the text. */
      provider: z.string().min(1),
      /** Embedding model id. */
      model: z.string().min(1),
      /** The vector: non-empty, every entry finite. */
      vector: z.array(z.number()).min(1, { message: 'vector must not be empty' }),
      /** `[vector.length]`. */
      shape: z.tuple([z.int().positive()]),
    })
    .refine((r) => r.shape[0] === r.vector.length, {
      message: 'shape[0] must equal the vector length',
      path: ['shape'],
    });
