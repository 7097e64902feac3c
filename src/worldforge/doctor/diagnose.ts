/**
 * Diagnoses providers for `npx worldforge doctor`: configured fields from each provider's declared
 * env vars (presence and source only, never values), a typed health state — bridge providers ask
 * their runtime, others are judged from configuration without a network call — and the lifecycle
 * hooks bridge providers have (preflight: configuration; warmup: start the runtime and ask its
 * health; teardown: stop it). `jepa-wms` is diagnosed on request although it is not in the catalog.
 */
import { type FakeMisbehaviour, fakeRuntimeLaunch } from '../bridge/fake.ts';
import type { RuntimeLaunch } from '../bridge/client.ts';
import type { BridgeProvider } from '../bridge/provider.ts';
import type { Provider } from '../providers/base.ts';
import { CATALOG, createProvider, PROVIDER_NAMES } from '../providers/catalog.ts';
import { JEPA_LEGACY_PATH_VAR, JEPA_MODEL_PATH_MIGRATION } from '../providers/jepa.ts';
import { JepaWmsProvider, jepaWmsOperations, jepaWmsRuntimeManifest } from '../providers/jepa-wms.ts';
import type { ProviderOperations } from '../providers/operations.ts';
import { envValue } from '../providers/remote.ts';
import type { RuntimeManifest } from '../providers/runtime-manifest.ts';
import { type ConfigField, DOCTOR_SCHEMA, type DoctorReport, type HealthReport, healthOf, type ProviderDiagnosis } from './model.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Providers built by direct construction only: diagnosed when named, never listed by default. */
const DIRECT_PROVIDERS: Record<
  string,
  {
    operations: ProviderOperations;
    runtime: RuntimeManifest;
    create: (o: { env: Env; launch?: RuntimeLaunch; modelName?: string }) => Provider;
  }
> = {
  'jepa-wms': { operations: jepaWmsOperations, runtime: jepaWmsRuntimeManifest, create: (o) => new JepaWmsProvider(o) },
};

/** Every name doctor knows: the catalog, then direct-construction providers. */
export const DOCTOR_PROVIDER_NAMES = [...PROVIDER_NAMES, ...Object.keys(DIRECT_PROVIDERS)];

export interface DoctorOptions {
  env: Env;
  /**
   * `--runtime fake`: bridge providers start the fake runtime instead of their command env var,
   * serving the manifest's default model when the env names none.
   */
  fakeRuntime?: { misbehave?: FakeMisbehaviour };
  bridge?: { helloTimeoutMs?: number; requestTimeoutMs?: number; shutdownGraceMs?: number };
}

/** Value-free remarks about a variable: legacy aliases and the JEPA_MODEL_PATH migration. */
function noteFor(operations: ProviderOperations, name: string, present: boolean): string | null {
  const declaration = operations.env.find((v) => v.name === name)!;
  if (name === JEPA_LEGACY_PATH_VAR) return present ? JEPA_MODEL_PATH_MIGRATION : 'Legacy scaffold variable (ignored).';
  if (declaration.alias_of) return `Legacy name of ${declaration.alias_of}, read only when that one is unset.`;
  if (declaration.role === 'ignored') return 'Read by a dependency on its own; the adapter neutralizes it.';
  return null;
}

/** The configured fields of a provider: names, presence and source, never values. */
export function configFields(operations: ProviderOperations, env: Env): ConfigField[] {
  return operations.env.map((v) => {
    const present = envValue(env, v.name) !== undefined;
    return {
      name: v.name,
      present,
      source: present ? `env:${v.name}` : 'unset',
      required: v.role === 'required',
      secret: v.secret,
      note: noteFor(operations, v.name, present),
    };
  });
}

function entryOf(name: string) {
  const catalog = CATALOG[name];
  if (catalog) return { inCatalog: true, operations: catalog.operations, runtime: catalog.runtime, bridge: Boolean(catalog.bridge) };
  const direct = DIRECT_PROVIDERS[name];
  if (direct) return { inCatalog: false, operations: direct.operations, runtime: direct.runtime, bridge: true };
  throw new Error(`Unknown provider '${name}'. Known: ${DOCTOR_PROVIDER_NAMES.join(', ')}`);
}

/** Diagnoses one provider. Bridge providers start their runtime (and stop it) to ask its health. */
export async function diagnose(name: string, options: DoctorOptions): Promise<ProviderDiagnosis> {
  const entry = entryOf(name);
  const fields = entry.operations ? configFields(entry.operations, options.env) : [];
  // A required variable is satisfied by any of its legacy aliases.
  const satisfied = (field: ConfigField) =>
    field.present || fields.some((f) => f.present && entry.operations!.env.find((v) => v.name === f.name)?.alias_of === field.name);
  let configured = fields.filter((f) => f.required).every(satisfied);
  if (!entry.bridge) {
    const provider = createProvider(name, { env: options.env });
    const health: HealthReport = !entry.operations
      ? provider.profile.capabilities.length
        ? healthOf('checkout_safe', 'In-process and deterministic; nothing to configure.')
        : healthOf('no_capabilities', 'Advertises no capability; every call fails closed.')
      : configured
        ? healthOf('configured', `Required env vars are set; run \`${entry.runtime!.smoke_commands[0]!.command}\` to probe the upstream.`)
        : healthOf('not_configured', `${entry.runtime!.smoke_skip.message}`);
    const lifecycle = (['preflight', 'warmup', 'teardown'] as const).map((hook) => ({ hook, status: 'no-op' as const, detail: 'no hook' }));
    return { name, in_catalog: entry.inCatalog, configured, fields, health, lifecycle };
  }
  const build = (o: Omit<DoctorOptions, 'fakeRuntime'> & { launch?: RuntimeLaunch; modelName?: string }) =>
    (entry.inCatalog ? createProvider(name, o) : DIRECT_PROVIDERS[name]!.create(o)) as BridgeProvider;
  const fromEnv = build({ env: options.env });
  const fake = options.fakeRuntime;
  const provider = fake
    ? build({
        env: options.env,
        bridge: options.bridge,
        launch: fakeRuntimeLaunch({ misbehave: fake.misbehave }),
        ...(fromEnv.config().model.value ? {} : { modelName: entry.runtime!.default_model }),
      })
    : build({ env: options.env, bridge: options.bridge });
  const config = provider.config();
  // Direct overrides (`--runtime fake`) stand in for the env vars they replace.
  for (const field of fields) {
    const piece = field.name === provider.spec.modelVar ? config.model : field.name === provider.spec.commandVar ? config.launch : null;
    if (piece?.source === 'direct' && !field.present) Object.assign(field, { present: true, source: 'direct' });
  }
  configured = fields.filter((f) => f.required).every(satisfied);
  const health = await provider.health();
  const preflight = configured
    ? { status: 'ready' as const, detail: 'model name and runtime command are set' }
    : { status: 'failed' as const, detail: health.detail };
  const warmup = !configured
    ? { status: 'skipped' as const, detail: 'preflight is not ready' }
    : health.healthy
      ? { status: 'ready' as const, detail: health.detail }
      : { status: 'failed' as const, detail: health.detail };
  let teardown: { status: 'no-op' | 'ready' | 'teardown-failed'; detail: string } = { status: 'no-op', detail: 'nothing was started' };
  if (configured) {
    try {
      await provider.close();
      teardown = { status: 'ready', detail: 'runtime stopped; no process left' };
    } catch (error) {
      teardown = { status: 'teardown-failed', detail: (error as Error).message };
    }
  }
  return {
    name,
    in_catalog: entry.inCatalog,
    configured,
    fields,
    health,
    lifecycle: [
      { hook: 'preflight', ...preflight },
      { hook: 'warmup', ...warmup },
      { hook: 'teardown', ...teardown },
    ],
  };
}

/** Diagnoses the named providers (default: the whole catalog), in order. */
export async function doctorReport(names: readonly string[], options: DoctorOptions): Promise<DoctorReport> {
  const providers: ProviderDiagnosis[] = [];
  for (const name of names) providers.push(await diagnose(name, options));
  return {
    schema: DOCTOR_SCHEMA,
    provider_count: providers.length,
    healthy_provider_count: providers.filter((p) => p.health.healthy).length,
    providers,
  };
}
