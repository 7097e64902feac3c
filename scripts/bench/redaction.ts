/**
 * `npm run bench:redaction`: how long the redaction module takes to scan (findSecrets) and to
 * redact (redactText) 1 MB of adversarial text, next to the module as it was before issue 10
 * (./redaction-baseline.ts) and the secretlint credential scan the check adds on top. Each text
 * targets one way a regex scanner goes super-linear (long runs a pattern rescans from every
 * offset, many near-matches that fail late, nested encodings). Times are wall clock, best of
 * three; the baseline is measured at growing sizes until one run takes over a second and its
 * 1 MB time is extrapolated from the growth it showed. Prints a table; writes nothing.
 */
import * as baseline from './redaction-baseline.ts';
import { findSecrets, redactText } from '../../src/worldforge/redaction.ts';
import { scanCredentials } from '../../src/worldforge/redaction/secretlint.ts';

const MB = 1024 * 1024;

/** Repeats `unit` up to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Deterministic pseudo-random prose with URLs, paths and key-like words (a realistic mix). */
function mixed(size: number): string {
  const words = [
    'the',
    'provider',
    'returned',
    'https://cdn.example.com/a.mp4',
    'token',
    'status:',
    'ok',
    'docs/tmp/x',
    '200',
    'key',
    'a-b',
  ];
  let seed = 7;
  let out = '';
  while (out.length < size) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += `${words[seed % words.length]} `;
  }
  return out.slice(0, size);
}

const TEXTS: [string, (size: number) => string][] = [
  ['a-a-a-… (identifier run)', (n) => fill('a-', n)],
  ['secret=secret=… (assignment chain)', (n) => fill('secret=', n)],
  ['"token": "… unclosed', (n) => fill('"token": "x', n)],
  ['https://a?https://a?… (nested URLs)', (n) => fill('https://a?sig=', n)],
  ['%25%25… (percent-encoding)', (n) => fill('%25', n)],
  ['\\u0041… (string escapes)', (n) => fill('\\u0041', n)],
  ['QUFB… (base64 of printable)', (n) => fill('QUFB', n)],
  ['eyJeyJ… (JWT prefixes)', (n) => fill('eyJ', n)],
  ['Bearer Bearer … ', (n) => fill('Bearer ', n)],
  ['/home//home/… (path starts)', (n) => fill('/home/', n)],
  ['-----BEGIN … (key headers)', (n) => fill('-----BEGIN ', n)],
  ['mixed prose', mixed],
];

function best(run: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

async function bestAsync(run: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The baseline's 1 MB time: measured when affordable, otherwise extrapolated from doubling sizes. */
function baselineAt1MB(make: (size: number) => string): string {
  let size = 4 * 1024;
  let previous: number | null = null;
  for (;;) {
    const text = make(size);
    const started = performance.now();
    baseline.findSecrets(text);
    const ms = performance.now() - started;
    if (size >= MB) return `${ms.toFixed(0)} ms`;
    if (ms > 1000 || size * 2 > MB) {
      // Growth per doubling, clamped to [linear, quadratic]: timing noise on a busy machine must not
      // turn a quadratic pattern into a cubic estimate.
      const exponent = previous && previous > 1 ? Math.min(2, Math.max(1, Math.log2(ms / previous))) : 1;
      const estimate = ms * (MB / size) ** exponent;
      return `~${(estimate / 1000).toFixed(1)} s (${(ms / 1000).toFixed(1)} s at ${size / 1024} KB, growth ×${(2 ** exponent).toFixed(1)} per doubling)`;
    }
    previous = ms;
    size *= 2;
  }
}

const rows: string[][] = [['text (1 MB)', 'findSecrets', 'redactText', 'secretlint', 'baseline findSecrets']];
let worst = 0;
for (const [name, make] of TEXTS) {
  const text = make(MB);
  const scan = best(() => findSecrets(text));
  const redact = best(() => redactText(text));
  const credentials = await bestAsync(() => scanCredentials([text]));
  worst = Math.max(worst, scan, redact);
  rows.push([name, `${scan.toFixed(0)} ms`, `${redact.toFixed(0)} ms`, `${credentials.toFixed(0)} ms`, baselineAt1MB(make)]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(`\nslowest 1 MB scan or redaction: ${worst.toFixed(0)} ms`);
