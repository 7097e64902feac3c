import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attributes, Meter, Span, SpanOptions, Tracer } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../src/worldforge/events.ts';
import { eventLabels, LABEL_KEYS, statusClass } from '../../src/worldforge/observability/labels.ts';
import { fanOut, jsonLoggerSink, METRIC_NAMES, openTelemetrySink, runSinks } from '../../src/worldforge/observability/sinks.ts';
import { createProvider } from '../../src/worldforge/providers/catalog.ts';
import { startRun } from '../../src/worldforge/runs/workspace.ts';

/** Records what the sink asks of the OpenTelemetry API, the way an SDK would receive it. */
function fakeOtel() {
  const spans: { name: string; attributes: Attributes; status?: number; ended: boolean }[] = [];
  const points: { metric: string; value: number; attributes: Attributes }[] = [];
  const tracer = {
    startSpan(name: string, options: SpanOptions = {}) {
      const record = { name, attributes: { ...options.attributes }, ended: false } as (typeof spans)[number];
      spans.push(record);
      return {
        setStatus: (s: { code: number }) => {
          record.status = s.code;
        },
        end: () => {
          record.ended = true;
        },
      } as unknown as Span;
    },
  } as unknown as Tracer;
  const meter = {
    createCounter: (metric: string) => ({
      add: (value: number, attributes: Attributes = {}) => points.push({ metric, value, attributes }),
    }),
  } as unknown as Meter;
  return { tracer, meter, spans, points };
}

const SECRETISH = 'Bearer wfobs0123456789abcdef0123456789abcdef';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('event labels', () => {
  it('are bounded: unknown values become other, no free text survives', () => {
    const labels = eventLabels({
      provider: SECRETISH,
      operation: 'https://example.test/?sig=1',
      phase: 'failure',
      error_code: 'nope' as never,
      message: SECRETISH,
    } as ProviderEvent);
    expect(labels).toEqual({
      [LABEL_KEYS.provider]: 'other',
      [LABEL_KEYS.operation]: 'other',
      [LABEL_KEYS.phase]: 'failure',
      [LABEL_KEYS.status_class]: 'none',
      [LABEL_KEYS.capability]: 'none',
      [LABEL_KEYS.error_code]: 'other',
    });
  });

  it('keep known providers, capabilities, phases and error codes; HTTP status becomes a class', () => {
    const labels = eventLabels({
      provider: 'runway',
      operation: 'generate',
      phase: 'failure',
      error_code: 'artifact_expired',
      status_code: 403,
    } as never);
    expect(labels[LABEL_KEYS.provider]).toBe('runway');
    expect(labels[LABEL_KEYS.capability]).toBe('generate');
    expect(labels[LABEL_KEYS.status_class]).toBe('4xx');
    expect(labels[LABEL_KEYS.error_code]).toBe('artifact_expired');
    expect(statusClass(undefined)).toBe('none');
    expect(eventLabels({ provider: 'acme', operation: 'score', phase: 'success' }, ['acme'])[LABEL_KEYS.provider]).toBe('acme');
  });
});

describe('OpenTelemetry sink', () => {
  it('turns real provider events into spans and counters with bounded attributes only', async () => {
    const otel = fakeOtel();
    const sink = openTelemetrySink({ tracer: otel.tracer, meter: otel.meter });
    const mock = createProvider('mock', { events: sink });
    await mock.call('embed', { text: 'a red cube' });
    await mock.call('embed', { text: '' }).catch(() => undefined);
    expect(otel.spans.map((s) => [s.name, s.status ?? null, s.ended])).toEqual([
      ['worldforge.provider.embed', null, true],
      ['worldforge.provider.embed', SpanStatusCode.ERROR, true],
    ]);
    const allowed = new Set(Object.values(LABEL_KEYS));
    for (const a of [...otel.spans.map((s) => s.attributes), ...otel.points.map((p) => p.attributes)])
      expect(Object.keys(a).every((k) => allowed.has(k as never))).toBe(true);
    const count = (metric: string) => otel.points.filter((p) => p.metric === metric).length;
    expect(count(METRIC_NAMES.events)).toBe(2);
    expect(count(METRIC_NAMES.operations)).toBe(2);
    expect(count(METRIC_NAMES.errors)).toBe(1);
    expect(otel.points.find((p) => p.metric === METRIC_NAMES.errors)!.attributes[LABEL_KEYS.error_code]).toBe('invalid_input');
  });

  it('is a no-op through the global API when no SDK is registered', () => {
    expect(() => openTelemetrySink()({ provider: 'mock', operation: 'predict', phase: 'success' })).not.toThrow();
  });
});

describe('sinks', () => {
  it('the JSON logger writes bounded labels, never metadata or messages', () => {
    const lines: string[] = [];
    jsonLoggerSink((l) => lines.push(l))({
      provider: 'mock',
      operation: 'predict',
      phase: 'failure',
      metadata: { authorization: SECRETISH },
    } as never);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'provider_event', [LABEL_KEYS.provider]: 'mock' });
    expect(lines[0]).not.toContain('wfobs');
  });

  it('fanOut keeps delivering when one sink throws', () => {
    const seen: string[] = [];
    const sink = fanOut(
      () => {
        throw new Error('boom');
      },
      (e) => seen.push(e.operation),
    );
    sink({ provider: 'mock', operation: 'predict', phase: 'success' });
    sink({ provider: 'mock', operation: 'embed', phase: 'success' });
    expect(seen).toEqual(['predict', 'embed']);
  });

  it('runSinks writes the run events.jsonl and adds the logger only when asked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-obs-'));
    const run = startRun({ kind: 'drill', command: 'npx worldforge drills run x', runsDir: dir });
    await createProvider('mock', { events: runSinks(run, {}) }).call('embed', { text: 'cube' });
    const lines = readFileSync(join(run.dir, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ provider: 'mock', operation: 'embed', phase: 'success' })]);
    run.finish('passed');
  });
});
