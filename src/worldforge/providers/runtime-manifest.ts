/**
 * Runtime manifests: what a provider that is not checkout-safe needs from its host, how long its
 * artifacts live, how to smoke it and what to run first when each failure mode shows up. Provider
 * pages, the providers gallery, smoke commands and live-smoke entries read it. Its env fields, smoke
 * commands and smoke skip are derived from the provider's `ProviderOperations` by
 * `operationalFields` (never typed twice); required env vars are listed in `env_vars` with their
 * purpose, and in the profile's `required_env_vars`, derived from the same declarations.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors.ts';
import { LIVE_SMOKE_STATUSES } from '../live-smoke.ts';
import { capabilitySchema, envVarNameSchema, errorCodeSchema, providerIdSchema, runtimeManifestIdSchema } from '../schema/primitives.ts';
import { envVarDeclarationSchema, runtimeEnvFields, type ProviderOperations } from './operations.ts';
import { smokeCommands, smokeSkipOf } from './smoke-spec.ts';

export const runtimeManifestSchema = () =>
  z.strictObject({
    /** `<provider>:schema-<n>`, cited by run manifests, live-smoke entries and evidence. */
    id: runtimeManifestIdSchema(),
    /** Provider id. */
    provider: providerIdSchema(),
    /** Env vars that are optional (aliases, endpoints, opt-ins), with what each does. Names only. */
    optional_env_vars: z.array(z.strictObject({ name: envVarNameSchema(), purpose: z.string().min(1) })),
    /** Legacy names accepted in place of a required env var: `{alias: canonical}`. */
    env_aliases: z.record(envVarNameSchema(), envVarNameSchema()).default({}),
    /** Every env var the adapter reads (required, optional, aliases, SDK-read), with its purpose. */
    env_vars: z.array(envVarDeclarationSchema()).min(1),
    /** The typed skip `worldforge smoke` yields when the prerequisite is missing, and its message. */
    smoke_skip: z.strictObject({ status: z.enum(LIVE_SMOKE_STATUSES), message: z.string().min(1) }),
    /** Default model id sent upstream. */
    default_model: z.string().min(1),
    /** What the host owns: keys, endpoints, retention of downloaded media. */
    host_owned_artifacts: z.array(z.string().min(1)).min(1),
    /** Assumptions about how long upstream artifacts stay reachable, in sentences. */
    artifact_lifetime: z.string().min(20),
    /** Smoke command per capability. */
    smoke_commands: z.array(z.strictObject({ capability: capabilitySchema(), command: z.string().min(1) })).min(1),
    /** First triage command (and why) for each typed error the adapter can raise. */
    triage: z.array(z.strictObject({ error_code: errorCodeSchema(), command: z.string().min(1), note: z.string().min(1) })).min(1),
    /** Known limitations of the adapter, listed on the provider page and in live-smoke entries. */
    known_limitations: z.array(z.string().min(1)),
  });
export type RuntimeManifest = z.infer<ReturnType<typeof runtimeManifestSchema>>;

/** The fields of a runtime manifest that restate a provider's operations, derived from them. */
export function operationalFields(
  provider: string,
  operations: ProviderOperations,
): Pick<RuntimeManifest, 'provider' | 'optional_env_vars' | 'env_aliases' | 'env_vars' | 'smoke_commands' | 'smoke_skip'> {
  const { status, message } = smokeSkipOf(provider, operations);
  return {
    provider,
    ...runtimeEnvFields(operations),
    smoke_commands: smokeCommands(provider, operations.smoke),
    smoke_skip: { status, message },
  };
}

/** The triage entry for an error code, or a generic one. */
export function triageFor(manifest: RuntimeManifest | null, code: ErrorCode | null): { command: string; note: string } {
  const entry = manifest?.triage.find((t) => t.error_code === code);
  if (entry) return entry;
  return { command: 'npm run evidence && npm run check', note: 'Regenerate the evidence and read the failing case.' };
}
