/**
 * The labels every observability sink may attach to a provider event, and nothing else: provider,
 * operation, phase, status class, capability and the typed error code. Each is bounded — a value
 * outside its known set becomes `other` — so a metrics backend never sees unbounded cardinality,
 * and no message text, URL, metadata or secret can reach an attribute by construction.
 */
import { CAPABILITIES } from '../capabilities/index.ts';
import { ERROR_CODES } from '../errors.ts';
import type { ProviderEvent } from '../events.ts';
import { PROVIDER_NAMES } from '../providers/catalog.ts';

/** Attribute keys, namespaced as OpenTelemetry recommends for a library's own attributes. */
export const LABEL_KEYS = {
  provider: 'worldforge.provider',
  operation: 'worldforge.operation',
  phase: 'worldforge.phase',
  status_class: 'worldforge.status_class',
  capability: 'worldforge.capability',
  error_code: 'worldforge.error_code',
} as const;

export const EVENT_PHASES = ['success', 'retry', 'failure', 'budget_exceeded'] as const;

export type EventLabels = Record<(typeof LABEL_KEYS)[keyof typeof LABEL_KEYS], string>;

const OTHER = 'other';
const bounded = (value: unknown, known: readonly string[]) => (typeof value === 'string' && known.includes(value) ? value : OTHER);

/** `2xx`…`5xx` from an HTTP status the event may carry, else `none`. */
export function statusClass(status: unknown): string {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? `${Math.floor(status / 100)}xx`
    : 'none';
}

/**
 * The bounded labels of one event. Providers outside the catalog (a host's own adapter) may add
 * their names through `extraProviders`; anything else is `other`.
 */
export function eventLabels(event: ProviderEvent & { status_code?: unknown }, extraProviders: readonly string[] = []): EventLabels {
  const operation = bounded(event.operation, CAPABILITIES);
  return {
    [LABEL_KEYS.provider]: bounded(event.provider, [...PROVIDER_NAMES, ...extraProviders]),
    [LABEL_KEYS.operation]: operation,
    [LABEL_KEYS.phase]: bounded(event.phase, EVENT_PHASES),
    [LABEL_KEYS.status_class]: statusClass(event.status_code),
    // Operations are capability calls; a non-capability operation has no capability.
    [LABEL_KEYS.capability]: operation === OTHER ? 'none' : operation,
    [LABEL_KEYS.error_code]: event.error_code === undefined ? 'none' : bounded(event.error_code, Object.keys(ERROR_CODES)),
  } as EventLabels;
}

/** Metric names (upstream's `worldforge_provider_*` family, minus latency: events carry no timings). */
export const METRIC_NAMES = {
  events: 'worldforge_provider_events_total',
  operations: 'worldforge_provider_operations_total',
  retries: 'worldforge_provider_retries_total',
  errors: 'worldforge_provider_errors_total',
} as const;

/** Env var a host sets to `stderr` to add the JSON logger to `runSinks`. */
export const EVENT_LOG_ENV = 'WORLDFORGE_EVENT_LOG';
