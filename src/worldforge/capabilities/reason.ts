import { z } from 'zod';
import { nonBlankString, unitInterval, worldStateSchema } from './common.ts';

/** reason: answer a question, optionally about a world state. */
export const reasonRequestSchema = () =>
  z.strictObject({
    /** The question; must not be blank. */
    query: nonBlankString(),
    /** Optional world state the question is about. */
    world_state: worldStateSchema().optional(),
  });

export const reasonResultSchema = () =>
  z.strictObject({
    /** Provider that answered. */
    provider: z.string().min(1),
    /** The answer text; must not be blank. */
    answer: nonBlankString(),
    /** Provider confidence in [0, 1]. */
    confidence: unitInterval(),
    /** Short statements the answer rests on. */
    evidence: z.array(z.string()),
  });
