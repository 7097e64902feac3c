/**
 * The seven provider capabilities and their request/result contracts. This registry is the one
 * place a capability is defined: providers, suites, checks and the site all read it.
 */
import type { z } from 'zod';
import { embedRequestSchema, embedResultSchema } from './embed.ts';
import { generateRequestSchema, generateResultSchema } from './generate.ts';
import { policyRequestSchema, policyResultSchema } from './policy.ts';
import { predictRequestSchema, predictResultSchema } from './predict.ts';
import { reasonRequestSchema, reasonResultSchema } from './reason.ts';
import { scoreRequestSchema, scoreResultSchema } from './score.ts';
import { transferRequestSchema, transferResultSchema } from './transfer.ts';

/** Canonical order, used everywhere a list of capabilities is shown. */
export const CAPABILITIES = ['predict', 'generate', 'transfer', 'reason', 'embed', 'score', 'policy'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const capabilityContracts = {
  predict: { request: predictRequestSchema(), result: predictResultSchema(), summary: 'Roll a world state forward under an action.' },
  generate: { request: generateRequestSchema(), result: generateResultSchema(), summary: 'Produce a media clip from a prompt.' },
  transfer: {
    request: transferRequestSchema(),
    result: transferResultSchema(),
    summary: 'Re-render a clip at a target size and frame rate.',
  },
  reason: { request: reasonRequestSchema(), result: reasonResultSchema(), summary: 'Answer a question about a scene.' },
  embed: { request: embedRequestSchema(), result: embedResultSchema(), summary: 'Turn text into a finite vector.' },
  score: { request: scoreRequestSchema(), result: scoreResultSchema(), summary: 'Rank candidate action sequences.' },
  policy: { request: policyRequestSchema(), result: policyResultSchema(), summary: 'Choose executable actions from an observation.' },
} as const;

type Contracts = typeof capabilityContracts;
/** Request a caller passes for capability C (before defaults are applied). */
export type CapabilityInput<C extends Capability> = z.input<Contracts[C]['request']>;
/** Request after validation (defaults applied). */
export type CapabilityRequest<C extends Capability> = z.output<Contracts[C]['request']>;
/** Validated result of capability C. */
export type CapabilityResult<C extends Capability> = z.output<Contracts[C]['result']>;

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
