/**
 * Turns a preset into what a run measures: one target per (provider, operation), each with its
 * decoded request, the request's digest (the fixture digest `compare` groups by) and the input file
 * it came from — or a typed skip naming the missing prerequisite. Providers come from the catalog:
 * a named preset measures each named provider on the operations it advertises; a by-capability
 * preset takes every catalog provider with that runtime that advertises the operation, and skips
 * (typed, never silently) when there is none or it is not configured.
 */
import type { Capability } from '../capabilities/index.ts';
import { canonicalJson, sha256Tag } from '../digest.ts';
import { decodeRequest } from '../fixtures/schema.ts';
import { CATALOG, createProvider, PROVIDER_NAMES } from '../providers/catalog.ts';
import { requiredEnvVars } from '../providers/operations.ts';
import { envValue } from '../providers/remote.ts';
import type { SkipReason } from '../schema/primitives.ts';
import type { BenchmarkData } from './data.ts';
import type { Preset } from './preset-schema.ts';

/** A (provider, operation) the run measures. */
export interface Target {
  kind: 'target';
  provider: string;
  operation: Capability;
  /** Decoded request, as a caller passes it. */
  request: unknown;
  /** sha256 of the request as written in the input file (canonical JSON). */
  fixture_digest: string;
  input_file: string;
}

/** A (provider, operation) the run cannot measure here, and why. */
export interface Skip {
  kind: 'skip';
  /** The provider, or `none` when the catalog has no provider for the operation. */
  provider: string;
  operation: Capability;
  skip_reason: SkipReason;
  missing_prerequisite: string;
}

export type PlanItem = Target | Skip;

/** Filters of `benchmark run --provider/--operation`. */
export interface PlanFilter {
  provider?: string;
  operation?: string;
}

export class PlanError extends Error {}

function requestFor(preset: Preset, data: BenchmarkData, operation: Capability): Omit<Target, 'kind' | 'provider' | 'operation'> {
  const file = preset.inputs.find((input) => data.inputs.get(input)?.requests[operation] !== undefined);
  if (!file) throw new PlanError(`preset ${preset.id}: no input holds a '${operation}' request`);
  const raw = data.inputs.get(file)!.requests[operation];
  return { request: decodeRequest(raw), fixture_digest: sha256Tag(canonicalJson(raw)), input_file: file };
}

const advertises = (name: string, operation: Capability) => createProvider(name).profile.capabilities.includes(operation);

/** The env vars a provider needs that `env` lacks. */
function missingEnv(name: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const operations = CATALOG[name]?.operations;
  return operations ? requiredEnvVars(operations).filter((v) => !envValue(env, v)) : [];
}

function planByCapability(
  preset: Preset,
  data: BenchmarkData,
  runtime: string,
  env: Readonly<Record<string, string | undefined>>,
): PlanItem[] {
  return preset.operations.flatMap((operation): PlanItem[] => {
    const names = PROVIDER_NAMES.filter(
      (name) => createProvider(name).profile.runtime_ownership === runtime && advertises(name, operation),
    );
    if (names.length === 0) {
      return [
        {
          kind: 'skip',
          provider: 'none',
          operation,
          skip_reason: 'missing_runtime',
          missing_prerequisite: `no catalog provider advertises ${operation} with a ${runtime} runtime; add one (with its runtime bridge) to src/worldforge/providers/catalog.ts`,
        },
      ];
    }
    return names.map((provider): PlanItem => {
      const missing = missingEnv(provider, env);
      if (missing.length) {
        return {
          kind: 'skip',
          provider,
          operation,
          skip_reason: 'missing_runtime',
          missing_prerequisite: `${provider} needs ${missing.join(', ')} (its ${runtime} runtime is not configured on this host)`,
        };
      }
      return { kind: 'target', provider, operation, ...requestFor(preset, data, operation) };
    });
  });
}

/** What a run of `preset` measures or skips, in preset order (providers, then operations). */
export function planPreset(
  preset: Preset,
  data: BenchmarkData,
  options: { env?: Readonly<Record<string, string | undefined>>; filter?: PlanFilter } = {},
): PlanItem[] {
  const env = options.env ?? process.env;
  const { provider, operation } = options.filter ?? {};
  if (operation !== undefined && !preset.operations.includes(operation as Capability)) {
    throw new PlanError(`--operation ${operation}: preset ${preset.id} measures ${preset.operations.join(', ')}`);
  }
  const items =
    preset.providers.kind === 'named'
      ? preset.providers.names.flatMap((name) =>
          preset.operations
            .filter((op) => advertises(name, op))
            .map((op): PlanItem => ({ kind: 'target', provider: name, operation: op, ...requestFor(preset, data, op) })),
        )
      : planByCapability(preset, data, preset.providers.runtime, env);
  const picked = items.filter(
    (item) => (provider === undefined || item.provider === provider) && (operation === undefined || item.operation === operation),
  );
  if (picked.length === 0) {
    throw new PlanError(
      `preset ${preset.id} has nothing to measure for${provider ? ` --provider ${provider}` : ''}${operation ? ` --operation ${operation}` : ''} (it measures ${items.map((i) => `${i.provider}/${i.operation}`).join(', ')})`,
    );
  }
  return picked;
}
