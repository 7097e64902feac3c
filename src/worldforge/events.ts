/**
 * Provider events: one per capability call, success or failure. Suites count them into the
 * evidence envelope (`event_count`), so they must be deterministic: no timings, no ids.
 */
import type { ErrorCode } from './errors.ts';

export interface ProviderEvent {
  provider: string;
  operation: string;
  phase: 'success' | 'failure';
  /** Typed error code on failure. */
  error_code?: ErrorCode;
  /** Shapes of the tensors a bridge call sent and received (`[2, 1, 2]`), never their values. */
  tensor_shapes?: Record<string, number[]>;
}

/**
 * The one interface every provider reports to. Observability sinks (the run's events.jsonl, a JSON
 * logger, OpenTelemetry spans and metrics) are built in observability/sinks.ts and combined with
 * `fanOut`, so adapters never know where their events go.
 */
export type EventSink = (event: ProviderEvent) => void;

/** An in-memory sink that keeps every event, for suites and tests. */
export class EventRecorder {
  readonly events: ProviderEvent[] = [];
  readonly sink: EventSink = (event) => {
    this.events.push(event);
  };
  get count(): number {
    return this.events.length;
  }
}
