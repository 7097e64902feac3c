import { z } from 'zod';
import { actionSchema, jsonObject } from './common.ts';

/** policy: choose executable actions from an observation. */
export const policyRequestSchema = () =>
  z.strictObject({
    /** Policy input; must contain an `observation` object. */
    info: z.looseObject({ observation: jsonObject() }).and(jsonObject()),
    /** Optional number of future actions to return; > 0. */
    action_horizon: z.int().positive().optional(),
  });

export const policyResultSchema = () =>
  z.strictObject({
    /** Provider that chose the actions. */
    provider: z.string().min(1),
    /** Executable actions, at least one. */
    actions: z.array(actionSchema()).min(1),
    /** Alternative candidate chunks; defaults to `[actions]`. */
    action_candidates: z.array(z.array(actionSchema()).min(1)),
    /** Number of future steps the actions cover. */
    action_horizon: z.int().positive().optional(),
    /** Embodiment the actions target, when known. */
    embodiment_tag: z.string().optional(),
    /** Safe JSON metadata. */
    metadata: jsonObject(),
  });
