import { z } from 'zod';
import { once } from '../once.ts';
import { capabilitySchema, envVarNameSchema, providerIdSchema } from '../schema/primitives.ts';

export const MATURITIES = ['scaffold', 'experimental', 'beta', 'stable'] as const;
export const RUNTIME_OWNERSHIPS = ['checkout-safe', 'remote-api', 'prepared-host', 'none'] as const;

/** What a provider declares about itself. The catalog, README table and site render from this. */
export const providerProfileSchema = once(() =>
  z
    .strictObject({
      /** Stable provider id (lower-case, dashes). */
      name: providerIdSchema(),
      /** Capabilities the provider runs end to end; everything else fails closed. */
      capabilities: z.array(capabilitySchema()),
      /** Promotion status. */
      maturity: z.enum(MATURITIES),
      /** Who owns the runtime the provider calls. */
      runtime_ownership: z.enum(RUNTIME_OWNERSHIPS),
      /** Whether identical requests give identical results. */
      deterministic: z.boolean(),
      /** Env vars that must be set for the provider to be configured. Names only, never values. */
      required_env_vars: z.array(envVarNameSchema()),
      /** One-sentence description. */
      description: z.string().min(1),
    })
    .refine((p) => new Set(p.capabilities).size === p.capabilities.length, {
      message: 'capabilities must not repeat',
      path: ['capabilities'],
    }),
);
export type ProviderProfile = z.infer<ReturnType<typeof providerProfileSchema>>;
