/**
 * Observability sinks. Providers report to ONE `EventSink` (events.ts); these build it: the run's
 * events.jsonl, a JSON-lines logger, and OpenTelemetry spans and metrics through
 * `@opentelemetry/api`. The API is a no-op until the host process registers an SDK (a tracer and
 * meter provider), so WorldForge never starts exporters or opens sockets itself. Logger and OTel
 * see bounded labels only (labels.ts); events.jsonl keeps the sanitized event.
 */
import { metrics, type Meter, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { WORLDFORGE_VERSION } from '../evidence/suite/repo.ts';
import type { EventSink, ProviderEvent } from '../events.ts';
import type { RunWorkspace } from '../runs/workspace.ts';
import { EVENT_LOG_ENV, eventLabels, LABEL_KEYS, METRIC_NAMES } from './labels.ts';

export { EVENT_LOG_ENV, METRIC_NAMES } from './labels.ts';

/** Instrumentation scope name for tracer and meter. */
export const INSTRUMENTATION_SCOPE = 'worldforge';

/**
 * One sink that forwards to many. A sink that throws is reported once on stderr and skipped from
 * then on: observability must never fail the provider call it observes.
 */
export function fanOut(...sinks: EventSink[]): EventSink {
  const broken = new Set<EventSink>();
  return (event) => {
    for (const sink of sinks) {
      if (broken.has(sink)) continue;
      try {
        sink(event);
      } catch (error) {
        broken.add(sink);
        process.stderr.write(`worldforge: an event sink failed and was disabled (${(error as Error).name})\n`);
      }
    }
  };
}

/** Appends each event to the run's events.jsonl (sanitized by the workspace). */
export const runEventsSink =
  (run: RunWorkspace): EventSink =>
  (event) =>
    run.appendEvent({ ...event });

/** One JSON line per event with bounded labels only: `{"level","msg":"provider_event",...labels}`. */
export function jsonLoggerSink(write: (line: string) => void = (line) => process.stderr.write(line)): EventSink {
  return (event) => {
    const labels = eventLabels(event);
    write(`${JSON.stringify({ level: event.phase === 'success' ? 'info' : 'warn', msg: 'provider_event', ...labels })}\n`);
  };
}

export interface OpenTelemetryOptions {
  /** Defaults to the global tracer (a no-op until the host registers an SDK). */
  tracer?: Tracer;
  /** Defaults to the global meter (a no-op until the host registers an SDK). */
  meter?: Meter;
  /** Host adapters outside the catalog whose names may be labels. */
  extraProviders?: readonly string[];
}

/**
 * A span per event (`worldforge.provider.<operation>`, status ERROR on failure) and counters per
 * metric name, all with the same bounded attributes.
 */
export function openTelemetrySink(options: OpenTelemetryOptions = {}): EventSink {
  const tracer = options.tracer ?? trace.getTracer(INSTRUMENTATION_SCOPE, WORLDFORGE_VERSION);
  const meter = options.meter ?? metrics.getMeter(INSTRUMENTATION_SCOPE, WORLDFORGE_VERSION);
  const counter = (name: string, description: string) => meter.createCounter(name, { description });
  const events = counter(METRIC_NAMES.events, 'Provider events by phase.');
  const operations = counter(METRIC_NAMES.operations, 'Finished provider operations (success or failure).');
  const retries = counter(METRIC_NAMES.retries, 'Provider retries.');
  const errors = counter(METRIC_NAMES.errors, 'Provider operations that failed or exceeded a budget.');
  return (event: ProviderEvent) => {
    const attributes = eventLabels(event, options.extraProviders);
    const span = tracer.startSpan(`worldforge.provider.${attributes[LABEL_KEYS.operation]}`, { attributes });
    if (event.phase === 'failure') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    events.add(1, attributes);
    const phase = attributes[LABEL_KEYS.phase];
    if (phase === 'success' || phase === 'failure') operations.add(1, attributes);
    if (phase === 'retry') retries.add(1, attributes);
    if (phase === 'failure' || phase === 'budget_exceeded') errors.add(1, attributes);
  };
}

/** The sinks a command that records a run uses: events.jsonl, OpenTelemetry, and the logger when asked. */
export function runSinks(run: RunWorkspace, env: Readonly<Record<string, string | undefined>> = process.env): EventSink {
  return fanOut(runEventsSink(run), openTelemetrySink(), ...(env[EVENT_LOG_ENV] === 'stderr' ? [jsonLoggerSink()] : []));
}
