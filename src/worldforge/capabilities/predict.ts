import { z } from 'zod';
import { actionSchema, jsonObject, unitInterval, worldStateSchema } from './common.ts';

/** predict: roll a world state forward by applying one action for a number of steps. */
export const predictRequestSchema = () =>
  z.strictObject({
    /** The state to start from. */
    world_state: worldStateSchema(),
    /** The action to apply. */
    action: actionSchema(),
    /** How many steps to roll forward; a positive integer. */
    steps: z.int().positive(),
  });

export const predictResultSchema = () =>
  z.strictObject({
    /** Name of the provider that produced the prediction. */
    provider: z.string().min(1),
    /** The predicted world state. */
    state: worldStateSchema(),
    /** Provider confidence in [0, 1]. Not a calibrated probability unless the provider says so. */
    confidence: unitInterval(),
    /** Provider's own plausibility score in [0, 1]. Not a physical-fidelity measure. */
    physics_score: unitInterval(),
    /** Safe JSON metadata. */
    metadata: jsonObject(),
  });
