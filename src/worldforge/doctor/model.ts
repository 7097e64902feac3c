/**
 * The doctor model: for each provider, its configured fields (name, present, source, required,
 * secret — never values), a health state and lifecycle hook results. `npx worldforge doctor`
 * prints it and provider pages render the states a provider can report. Health states are typed
 * so a missing model name, a missing runtime command, a missing checkpoint, malformed runtime
 * output and an unreachable runtime read differently, in JSON and in words.
 */
import { z } from 'zod';
import { envVarNameSchema, providerIdSchema } from '../schema/primitives.ts';

export const DOCTOR_SCHEMA = 'worldforge.doctor@1';

/** Every health state, with what it means and whether the provider can serve calls in it. */
export const HEALTH_STATES = {
  ready: { healthy: true, meaning: 'The host runtime answered its health check: model loaded, ready to serve.' },
  checkout_safe: { healthy: true, meaning: 'Runs in-process in any checkout; nothing to configure.' },
  configured: {
    healthy: true,
    meaning: 'Its required env vars are set. Remote APIs are not called by doctor; run the smoke command to probe them.',
  },
  no_capabilities: { healthy: false, meaning: 'Advertises no capability (a fail-closed reservation).' },
  not_configured: { healthy: false, meaning: 'A required env var (endpoint or credential) is not set.' },
  missing_model_name: { healthy: false, meaning: 'The env var naming the model (or checkpoint) the runtime should serve is not set.' },
  missing_runtime_command: {
    healthy: false,
    meaning: 'The env var holding the host runtime command is not set, so nothing can be started.',
  },
  missing_model: { healthy: false, meaning: 'The runtime started but reports its model or checkpoint as missing or not loaded.' },
  malformed_runtime_output: {
    healthy: false,
    meaning: 'The runtime wrote something that is not the bridge protocol (not JSON, wrong shape, over the size cap).',
  },
  unreachable_runtime: {
    healthy: false,
    meaning: 'The runtime command could not be started, exited, spoke another protocol version, or did not answer in time.',
  },
} as const satisfies Record<string, { healthy: boolean; meaning: string }>;
export type HealthState = keyof typeof HEALTH_STATES;
export const healthStateSchema = () => z.enum(Object.keys(HEALTH_STATES) as [HealthState, ...HealthState[]]);

/** Where a field's value came from: an env var, direct construction, or nowhere. */
export const fieldSourceSchema = () => z.union([z.string().regex(/^env:[A-Z][A-Z0-9_]*$/), z.literal('direct'), z.literal('unset')]);

export const configFieldSchema = () =>
  z.strictObject({
    name: envVarNameSchema(),
    present: z.boolean(),
    source: fieldSourceSchema(),
    required: z.boolean(),
    secret: z.boolean(),
    /** A value-free remark (legacy variable, migration note), or null. */
    note: z.string().nullable(),
  });
export type ConfigField = z.infer<ReturnType<typeof configFieldSchema>>;

export const LIFECYCLE_HOOKS = ['preflight', 'warmup', 'teardown'] as const;
export const LIFECYCLE_STATUSES = ['no-op', 'ready', 'skipped', 'failed', 'teardown-failed'] as const;

export const healthReportSchema = () =>
  z.strictObject({
    state: healthStateSchema(),
    healthy: z.boolean(),
    /** One sentence, value-free. */
    detail: z.string().min(1),
    /** What the runtime said in its hello, when one answered. */
    runtime: z
      .strictObject({
        name: z.string(),
        version: z.string(),
        protocol_version: z.int(),
        device: z.string(),
        model: z.string().nullable(),
      })
      .nullable(),
  });
export type HealthReport = z.infer<ReturnType<typeof healthReportSchema>>;

export const providerDiagnosisSchema = () =>
  z.strictObject({
    name: providerIdSchema(),
    /** Whether the catalog lists it (direct-construction providers are diagnosed on request only). */
    in_catalog: z.boolean(),
    configured: z.boolean(),
    fields: z.array(configFieldSchema()),
    health: healthReportSchema(),
    lifecycle: z.array(z.strictObject({ hook: z.enum(LIFECYCLE_HOOKS), status: z.enum(LIFECYCLE_STATUSES), detail: z.string() })),
  });
export type ProviderDiagnosis = z.infer<ReturnType<typeof providerDiagnosisSchema>>;

export const doctorReportSchema = () =>
  z.strictObject({
    schema: z.literal(DOCTOR_SCHEMA),
    provider_count: z.int().min(0),
    healthy_provider_count: z.int().min(0),
    providers: z.array(providerDiagnosisSchema()),
  });
export type DoctorReport = z.infer<ReturnType<typeof doctorReportSchema>>;

/** A health report with `healthy` derived from the state. */
export const healthOf = (state: HealthState, detail: string, runtime: HealthReport['runtime'] = null): HealthReport => ({
  state,
  healthy: HEALTH_STATES[state].healthy,
  detail,
  runtime,
});
