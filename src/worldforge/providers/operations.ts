/**
 * Provider-owned operational data: the env vars a provider reads and how it is smoked, declared
 * once in the provider's module (`ProviderOperations`) and read by everything else. The profile's
 * `required_env_vars`, the runtime manifest's env fields and smoke commands, the smoke CLI's
 * subcommands, skips and run-manifest env summary are all derived from it, so a new remote or
 * host-runtime provider never means editing the smoke CLI, and an env var is named in one place.
 *
 * Providers that are checkout-safe (mock) or advertise nothing (genie) declare no operations.
 */
import { z } from 'zod';
import { envVarNameSchema } from '../schema/primitives.ts';
import type { SmokeSpec } from './smoke-spec.ts';

export const ENV_VAR_ROLES = ['required', 'optional', 'ignored'] as const;

/** One env var a provider (or its vendor SDK) reads. Names and purposes only, never values. */
export const envVarDeclarationSchema = () =>
  z.strictObject({
    name: envVarNameSchema(),
    /**
     * `required`: the provider is not configured without it (it becomes the profile's
     * `required_env_vars`); `optional`: endpoints, opt-ins and legacy aliases; `ignored`: read by a
     * dependency on its own (e.g. the vendor SDK), neutralized by the adapter and cleared by tests.
     */
    role: z.enum(ENV_VAR_ROLES),
    /** Holds a credential: manifests record its presence only, and nothing may echo it. */
    secret: z.boolean(),
    /** What the variable is for, in one sentence (rendered on the provider page). */
    purpose: z.string().min(1),
    /** Set on a legacy name: the variable it stands in for, read only when that one is unset. */
    alias_of: envVarNameSchema().optional(),
  });
export type EnvVarDeclaration = z.infer<ReturnType<typeof envVarDeclarationSchema>>;

/** What a provider that is not checkout-safe declares about how it is operated. */
export interface ProviderOperations {
  /** Every env var the adapter reads, in the order they are documented and summarised. */
  env: readonly EnvVarDeclaration[];
  /** How `worldforge smoke <provider>` calls it, and the typed skip without its prerequisite. */
  smoke: SmokeSpec;
}

/** Names of the required env vars (aliases excluded): the profile's `required_env_vars`. */
export function requiredEnvVars(operations: ProviderOperations): string[] {
  return operations.env.filter((v) => v.role === 'required' && !v.alias_of).map((v) => v.name);
}

/** A variable followed by its legacy aliases: the names an adapter reads for it, in order. */
export function envNamesFor(operations: ProviderOperations, name: string): string[] {
  if (!operations.env.some((v) => v.name === name)) throw new Error(`${name} is not a declared env var.`);
  return [name, ...operations.env.filter((v) => v.alias_of === name).map((v) => v.name)];
}

/** `NAME` or `NAME (or the legacy ALIAS)`: how messages name a variable. */
export function envVarPhrase(operations: ProviderOperations, name: string): string {
  const [, ...aliases] = envNamesFor(operations, name);
  return aliases.length ? `${name} (or the legacy ${aliases.join(' or ')})` : name;
}

/**
 * The env fields of a runtime manifest, derived from the declarations: optional vars (aliases
 * included) with their purposes, the alias map, and the full declarations as plain data.
 */
export function runtimeEnvFields(operations: ProviderOperations): {
  optional_env_vars: { name: string; purpose: string }[];
  env_aliases: Record<string, string>;
  env_vars: EnvVarDeclaration[];
} {
  return {
    optional_env_vars: operations.env.filter((v) => v.role === 'optional').map(({ name, purpose }) => ({ name, purpose })),
    env_aliases: Object.fromEntries(operations.env.flatMap((v) => (v.alias_of ? [[v.name, v.alias_of]] : []))),
    env_vars: operations.env.map((v) => ({ ...v })),
  };
}
