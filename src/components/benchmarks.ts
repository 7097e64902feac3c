/**
 * Derives what the benchmark pages show: the deterministic benchmarks evidence
 * (`evidence/benchmarks/<preset>.json`) for definitions, counts and verdicts, and the preserved
 * baselines (`content/benchmarks/baselines/`) for timings, read through the comparison model the
 * `compare` command uses. The latency chart is a small SVG string built at build time (no client
 * chart library): one bar per row for the median mean latency, a whisker for its confidence interval.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildComparison, type Comparison } from '../worldforge/benchmarks/compare.ts';
import { assertUniqueKeys } from './entries.ts';

export type BenchmarkEntry = CollectionEntry<'benchmarks'>;
export type BaselineEntry = CollectionEntry<'benchmarkBaselines'>;

/** Benchmarks evidence in preset-id order; throws if two files claim one preset. */
export async function benchmarkEntries(): Promise<BenchmarkEntry[]> {
  const entries = assertUniqueKeys(await getCollection('benchmarks'), 'benchmarks', 'body.preset.id', (e) => e.data.body.preset.id);
  return entries.sort((a, b) => (a.data.body.preset.id < b.data.body.preset.id ? -1 : 1));
}

/** The preserved baseline of each preset, keyed by preset id. */
export async function baselinesByPreset(): Promise<Map<string, BaselineEntry>> {
  return new Map((await getCollection('benchmarkBaselines')).map((e) => [e.data.preset, e]));
}

/** The baseline as the comparison model sees it (one report, no deltas). */
export const baselineComparison = (entry: BaselineEntry): Comparison =>
  buildComparison([
    { label: entry.filePath ?? `content/benchmarks/baselines/${entry.id}.json`, sha256: 'sha256:'.padEnd(71, '0'), report: entry.data },
  ]);

/** Up to 4 significant digits. */
export const formatMs = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : String(Number(value.toPrecision(4)));

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export interface ChartBar {
  label: string;
  median: number;
  low: number;
  high: number;
}

/** Bars of a baseline: every measured result's mean latency (median over samples and its interval). */
export function latencyBars(entry: BaselineEntry): ChartBar[] {
  return entry.data.results.flatMap((r) =>
    r.metrics
      ? [
          {
            label: `${r.provider}/${r.operation}`,
            median: r.metrics.mean_latency_ms.median,
            low: r.metrics.mean_latency_ms.low,
            high: r.metrics.mean_latency_ms.high,
          },
        ]
      : [],
  );
}

/**
 * A horizontal bar chart as SVG markup, on a log scale when values span more than two decades
 * (mock calls take microseconds, replayed remote calls milliseconds). Accessible: a title, and
 * every bar's value as text.
 */
export function latencySvg(bars: readonly ChartBar[], title: string): string {
  const rowHeight = 26;
  const left = 150;
  const width = 640;
  const plot = width - left - 90;
  const height = bars.length * rowHeight + 30;
  const max = Math.max(...bars.map((b) => b.high), 1e-6);
  const min = Math.max(Math.min(...bars.map((b) => Math.max(b.low, 1e-6))), 1e-6);
  const log = max / min > 100;
  const lo = log ? Math.log10(min) - 0.3 : 0;
  const hi = log ? Math.log10(max) : max;
  const x = (v: number) => left + (plot * ((log ? Math.log10(Math.max(v, 1e-6)) : v) - lo)) / (hi - lo || 1);
  const rows = bars.map((b, i) => {
    const y = 10 + i * rowHeight;
    return [
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${escapeXml(b.label)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(b.median) - left).toFixed(1)}" height="14" fill="currentColor" opacity="0.35"><title>${escapeXml(`${b.label}: median ${formatMs(b.median)} ms, interval [${formatMs(b.low)}, ${formatMs(b.high)}]`)}</title></rect>`,
      `<line x1="${x(b.low).toFixed(1)}" x2="${x(b.high).toFixed(1)}" y1="${y + 11}" y2="${y + 11}" stroke="currentColor" stroke-width="1.5"/>`,
      `<text x="${(Math.max(x(b.high), x(b.median)) + 6).toFixed(1)}" y="${y + 15}" font-size="12">${formatMs(b.median)} ms</text>`,
    ].join('');
  });
  const axis = `<text x="${left}" y="${height - 4}" font-size="11" opacity="0.7">mean latency per call, ms (${log ? 'log scale' : 'linear'}); bar: median over samples, line: its confidence interval</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" fill="currentColor" viewBox="0 0 ${width} ${height}" width="100%" data-chart="latency"><title>${escapeXml(title)}</title>${rows.join('')}${axis}</svg>`;
}
