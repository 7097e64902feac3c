/**
 * The action translator contract: a policy runtime returns raw numbers, and only the host knows
 * what they mean for its robot (joint targets, end-effector deltas, gripper…). A translator turns
 * the raw chunks into executable `Action`s. It is host code; WorldForge validates what it returns.
 *
 * `jointTargetsTranslator` is the documented default: each row of a chunk becomes one
 * `joint_targets` action whose `parameters.values` are the row. It makes no embodiment claim, and
 * it keeps actions scoreable (`actionCandidatesTensor` reads the values back).
 */
import { z } from 'zod';
import { type Action, actionSchema } from '../capabilities/common.ts';
import { BridgeError } from './errors.ts';

/** What the translator is told besides the raw chunks. */
export interface TranslatorContext {
  provider: string;
  model: string;
  embodiment_tag?: string;
  /** The policy request's info. */
  info: Record<string, unknown>;
}

/**
 * Turns raw chunks `(candidates, horizon, dim)` into candidate action sequences. Returns one
 * sequence per candidate (or a single sequence). Throw to reject the raw actions.
 */
export type ActionTranslator = (chunks: number[][][], context: TranslatorContext) => Action[] | Action[][];

export const jointTargetsTranslator: ActionTranslator = (chunks) =>
  chunks.map((chunk) => chunk.map((values, step) => ({ kind: 'joint_targets', parameters: { values, step } })));

const translatedSchema = () => z.union([z.array(z.array(actionSchema()).min(1)).min(1), z.array(actionSchema()).min(1)]);

/** Runs the translator and validates its output; any refusal is `translator_rejected`. */
export function translate(translator: ActionTranslator, chunks: number[][][], context: TranslatorContext): Action[][] {
  let output: unknown;
  try {
    output = translator(chunks, context);
  } catch (error) {
    throw new BridgeError(
      'translator_rejected',
      `the action translator rejected the raw actions: ${(error as Error).message ?? String(error)}`,
    );
  }
  const parsed = translatedSchema().safeParse(output);
  if (!parsed.success)
    throw new BridgeError('translator_rejected', 'the action translator returned something that is not a list of actions');
  const value = parsed.data;
  return (Array.isArray(value[0]) ? value : [value]) as Action[][];
}

/**
 * The numeric tensor `(candidates, horizon, dim)` of action sequences whose actions all carry
 * numeric `parameters.values` of one length (what `jointTargetsTranslator` produces), or null.
 * The plan facade scores policy candidates through it.
 */
export function actionCandidatesTensor(candidates: readonly (readonly Action[])[]): number[][][] | null {
  const rows = candidates.map((seq) => seq.map((a) => a.parameters.values));
  const ok = rows.every((seq) => seq.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))));
  if (!ok) return null;
  const tensor = rows as number[][][];
  const [h, d] = [tensor[0]?.length, tensor[0]?.[0]?.length];
  return tensor.every((seq) => seq.length === h && seq.every((r) => r.length === d)) ? tensor : null;
}
