/** The built-in evaluation suites, in display order. */
import type { EvaluationSuite } from '../types.ts';
import { generationSuite } from './generation.ts';
import { physicsSuite } from './physics.ts';
import { planningSuite } from './planning.ts';
import { reasoningSuite } from './reasoning.ts';
import { transferSuite } from './transfer.ts';

export const EVALUATION_SUITES: readonly EvaluationSuite[] = [physicsSuite, planningSuite, reasoningSuite, generationSuite, transferSuite];
