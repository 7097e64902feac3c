// `npm run bench`: how check and evidence generation grow with the corpus. Builds synthetic
// corpora ×1, ×5, ×20 (capability fixtures, claim rows and docs pages copied under new ids) in
// temporary copies of the repository, regenerates their evidence, then times `worldforge check`,
// `worldforge check` cold (--no-cache) and warm, `worldforge evidence generate` and `astro build` (the
// site: --site-runs times, 1 by default, since it dominates; --no-site skips it): median of N runs with min–max,
// peak memory (max RSS) of each command, the built site's page count and largest HTML pages, the growth exponent of check after subtracting the
// start-up floor (`worldforge --version`), written as JSON for comparing runs.
// Plain JavaScript on purpose: the bench times the CLI, and must not add a loader of its own.
//
//   npm run bench -- [--scales 1,5,20] [--runs 3] [--site-runs 1] [--no-site] [--out bench.json] [--keep]
//   (--keep leaves each corpus in place and names it, to profile a slow case by hand)
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED = new Set(['node_modules', 'dist', '.astro', '.git', '.worldforge', 'test-results']);

const { values } = parseArgs({
  allowNegative: true,
  options: {
    scales: { type: 'string', default: '1,5,20' },
    runs: { type: 'string', default: '3' },
    site: { type: 'boolean', default: true },
    'site-runs': { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench-corpus.json' },
    keep: { type: 'boolean', default: false },
  },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const siteRuns = Number(values['site-runs']);
if (
  scales.some((s) => !Number.isInteger(s) || s < 1) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(siteRuns) ||
  siteRuns < 1
) {
  process.stderr.write('bench: --scales takes positive integers (e.g. 1,5,20) and --runs and --site-runs positive integers\n');
  process.exit(2);
}

/**
 * node_modules for the copy. The CLI is happy with a symlink, but Astro's build resolves the
 * linked packages to two different paths and fails ("No cached compile metadata found"), so for
 * the site build the tree is hard-linked (cp -al: seconds, no extra disk), or copied where cp
 * cannot hard-link.
 */
function linkNodeModules(root) {
  const source = join(REPO, 'node_modules');
  const target = join(root, 'node_modules');
  if (!values.site) return symlinkSync(source, target, 'dir');
  if (spawnSync('cp', ['-al', source, target]).status !== 0) {
    rmSync(target, { recursive: true, force: true });
    cpSync(source, target, { recursive: true, verbatimSymlinks: true });
  }
}

/** A copy of the repository (node_modules linked), like tests/helpers/repo-copy.ts. */
function copyRepo() {
  const root = mkdtempSync(join(tmpdir(), 'wf-bench-'));
  for (const entry of readdirSync(REPO)) {
    if (!SKIPPED.has(entry)) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  linkNodeModules(root);
  return root;
}

const jsonFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );

/**
 * Grows the corpus to `scale` copies: each capability fixture, each claim row (in a file of its
 * own per copy) and each docs page gets scale − 1 copies under new ids, and the provider catalog
 * gets scale − 1 copies of the mock provider (`mock-x<n>`, with its capability claims), so every
 * per-provider suite, rule and page grows too.
 */
function grow(root, scale) {
  const counts = { fixtures: 0, claims: 0, docs: 0, providers: 0 };
  const capabilities = join(root, 'fixtures', 'capabilities');
  const fixtureFiles = jsonFiles(capabilities);
  const claimFiles = readdirSync(join(root, 'content', 'claims')).filter((f) => f.endsWith('.yaml') && f !== 'known-gaps.yaml');
  const docsDir = join(root, 'src', 'content', 'docs');
  const docs = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'index.md');
  const gapsFile = join(root, 'content', 'claims', 'known-gaps.yaml');
  const gaps = readFileSync(gapsFile, 'utf8');
  const originalGaps = gaps
    .slice(gaps.indexOf('gaps:\n') + 'gaps:\n'.length)
    .split(/^(?= {2}- )/m)
    .filter((row) => row.startsWith('  - '));
  writeFileSync(gapsFile, `${gaps.trimEnd()}\n`);
  const allowFile = join(root, 'fixtures', 'redaction', 'allowed-secrets.json');
  const allowDoc = JSON.parse(readFileSync(allowFile, 'utf8'));
  const allowList = { doc: allowDoc, original: [...allowDoc.allowed] };
  for (let copy = 2; copy <= scale; copy++) {
    for (const file of fixtureFiles) {
      const fixture = JSON.parse(readFileSync(file, 'utf8'));
      fixture.id = `${fixture.id}-x${copy}`;
      writeFileSync(file.replace(/\.json$/, `-x${copy}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
      counts.fixtures++;
    }
    // A copied fixture that plants a fake secret is allowed exactly like its original.
    for (const entry of allowList.original) {
      if (entry.file.startsWith('fixtures/capabilities/'))
        allowList.doc.allowed.push({ ...entry, file: entry.file.replace(/\.json$/, `-x${copy}.json`) });
    }
    for (const file of claimFiles) {
      const text = readFileSync(join(root, 'content', 'claims', file), 'utf8');
      const renamed = text.replace(/^ {2}- id: (\S+)$/gm, (_, id) => {
        counts.claims++;
        return `  - id: ${id}-x${copy}`;
      });
      writeFileSync(join(root, 'content', 'claims', `${file.replace(/\.yaml$/, '')}-x${copy}.yaml`), renamed);
    }
    // Each copied claim inherits its original's accepted known gaps (same rule, copied id): the
    // rows of the original file, never the copies appended by earlier rounds.
    appendFileSync(gapsFile, `${originalGaps.map((row) => row.replace(/^( {4}id: )(\S+)$/m, `$1$2-x${copy}`).trimEnd()).join('\n')}\n`);
    for (const page of docs) {
      cpSync(join(docsDir, page), join(docsDir, page.replace(/\.md$/, `-x${copy}.md`)));
      counts.docs++;
    }
  }
  writeFileSync(allowFile, `${JSON.stringify(allowList.doc, null, 2)}\n`);
  counts.providers = addMockProviders(root, scale - 1);
  return counts;
}

/** Adds `count` copies of the mock provider to the catalog of the copy at `root`, each with the mock's capability claims. */
function addMockProviders(root, count) {
  if (count < 1) return 0;
  const catalogFile = join(root, 'src', 'worldforge', 'providers', 'catalog.ts');
  const catalog = readFileSync(catalogFile, 'utf8');
  const names = Array.from({ length: count }, (_, i) => `mock-x${i + 2}`);
  const entries = names
    .map(
      (name) => `  '${name}': {
    sources: ['src/worldforge/providers/mock.ts'],
    create: (o) => Object.assign(new MockProvider(o), { profile: { ...mockProfile, name: '${name}' } }),
    runtime: null,
    operations: null,
    replay: false,
  },\n`,
    )
    .join('');
  const patched = catalog
    .replace("import { MockProvider } from './mock.ts';", "import { MockProvider, mockProfile } from './mock.ts';")
    .replace('  genie: {', `${entries}  genie: {`);
  if (patched === catalog || !patched.includes('mockProfile }'))
    throw new Error('bench: the provider catalog no longer has the shape the bench patches');
  writeFileSync(catalogFile, patched);
  const claimsFile = join(root, 'content', 'claims', 'capabilities.yaml');
  const rows = readFileSync(claimsFile, 'utf8')
    .split(/^(?= {2}- id: )/m)
    .filter((row) => row.startsWith('  - id: mock-'));
  for (const name of names) {
    const copied = rows.map((row) =>
      row.replaceAll('  - id: mock-', `  - id: ${name}-`).replaceAll('conformance/mock#', `conformance/${name}#`),
    );
    writeFileSync(join(root, 'content', 'claims', `capabilities-${name}.yaml`), `claims:\n${copied.join('').trimEnd()}\n`);
  }
  return count;
}

/** Runs a command in `root`; returns seconds and the child's peak RSS in MB. */
function timed(root, command, args) {
  // Outside the corpus: a file written into the checkout would be a changed input of the next run.
  const rssFile = `${root}.rss`;
  rmSync(rssFile, { force: true });
  const hook = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'rss-hook.mjs')).href;
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WF_BENCH_RSS: rssFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${hook}`.trim() },
  });
  const seconds = (performance.now() - started) / 1000;
  let rssMb = null;
  try {
    rssMb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
  } catch {}
  return { seconds, rssMb, code: run.status, stderr: run.stderr, stdout: run.stdout };
}

function measure(root, label, command, args, { prime = false, runs: times = runs } = {}) {
  if (prime) timed(root, command, args);
  const samples = [];
  for (let i = 0; i < times; i++) {
    const sample = timed(root, command, args);
    // A failing command is timed doing something else (a corpus that breaks the check reports
    // findings instead of passing): the bench stops instead of printing its figure.
    if (sample.code !== 0) {
      throw new Error(`${label} failed (exit ${sample.code}):\n${sample.stdout.slice(-2000)}${sample.stderr.slice(-2000)}`);
    }
    samples.push(sample);
  }
  const seconds = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return {
    median_s: seconds[Math.floor(seconds.length / 2)],
    min_s: seconds[0],
    max_s: seconds.at(-1),
    peak_rss_mb: Math.max(...samples.map((s) => s.rssMb ?? 0)) || null,
    exit_codes: [...new Set(samples.map((s) => s.code))],
  };
}

/** Least-squares slope of log(time − floor) over log(scale): 1.0 is linear growth. */
function growthExponent(points, floor) {
  const xy = points.filter((p) => p.seconds - floor > 0).map((p) => [Math.log(p.scale), Math.log(p.seconds - floor)]);
  if (xy.length < 2) return null;
  const mx = xy.reduce((s, [x]) => s + x, 0) / xy.length;
  const my = xy.reduce((s, [, y]) => s + y, 0) / xy.length;
  const num = xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? null : Math.round((num / den) * 100) / 100;
}

/**
 * The built site's HTML pages: how many, their total size and the largest five, so a page that
 * grows with the corpus (issue 16: fixture pages reached 3.7 MB) shows in the report.
 */
function sitePages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, 'dist', dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        pages.push({ path: `/${path}`.replace(/index\.html$/, ''), kb: Math.round(statSync(join(root, 'dist', path)).size / 1024) });
    }
  };
  walk('');
  pages.sort((a, b) => b.kb - a.kb || a.path.localeCompare(b.path));
  return { count: pages.length, total_kb: pages.reduce((n, p) => n + p.kb, 0), largest: pages.slice(0, 5) };
}

const bin = ['bin/worldforge.mjs'];
const results = [];
let floor = null;
for (const scale of scales) {
  const root = copyRepo();
  try {
    const counts = grow(root, scale);
    process.stderr.write(
      `bench ×${scale}: +${counts.fixtures} fixtures, +${counts.claims} claims, +${counts.docs} docs pages, +${counts.providers} providers; regenerating…\n`,
    );
    const prepared = timed(root, process.execPath, [...bin, 'evidence', 'generate']);
    if (prepared.code !== 0) throw new Error(`evidence generate failed at ×${scale}:\n${prepared.stderr.slice(-2000)}`);
    if (floor === null) floor = measure(root, 'start-up', process.execPath, [...bin, '--version']).median_s;
    const row = {
      scale,
      added: counts,
      // Cold: every suite and scan runs (what CI and --release do). Warm: a repeated local check,
      // which reuses the suites and text scans while no input changed (src/worldforge/check-cache.ts).
      check: measure(root, 'check', process.execPath, [...bin, 'check', '--no-dist', '--no-cache']),
      check_warm: measure(root, 'check', process.execPath, [...bin, 'check', '--no-dist'], { prime: true }),
      evidence: measure(root, 'evidence', process.execPath, [...bin, 'evidence', 'generate']),
      site: values.site ? measure(root, 'site', 'npx', ['astro', 'build'], { runs: siteRuns }) : null,
    };
    row.site_pages = values.site ? sitePages(root) : null;
    results.push(row);
    process.stderr.write(`bench ×${scale}: check ${row.check.median_s.toFixed(2)} s\n`);
  } finally {
    if (values.keep) process.stderr.write(`bench ×${scale}: corpus kept in ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
    rmSync(`${root}.rss`, { force: true });
  }
}

const exponent = growthExponent(
  results.map((r) => ({ scale: r.scale, seconds: r.check.median_s })),
  floor ?? 0,
);
const fmt = (m) => (m ? `${m.median_s.toFixed(2)} (${m.min_s.toFixed(2)}–${m.max_s.toFixed(2)}) ${m.peak_rss_mb ?? '?'} MB` : '—');
const table = [
  '| scale | check cold s (min–max) peak | check warm s (min–max) peak | evidence generate s (min–max) peak | site build s (min–max) peak |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ×${r.scale} | ${fmt(r.check)} | ${fmt(r.check_warm)} | ${fmt(r.evidence)} | ${fmt(r.site)} |`),
];
const pageLines = results
  .filter((r) => r.site_pages)
  .map(
    (r) =>
      `×${r.scale}: ${r.site_pages.count} pages, ${(r.site_pages.total_kb / 1024).toFixed(1)} MB of HTML; largest ${r.site_pages.largest.map((p) => `${p.path} ${p.kb} KB`).join(', ')}`,
  );
process.stdout.write(
  `${[...table, ...pageLines].join('\n')}\nstart-up floor ${floor?.toFixed(2)} s; growth exponent of cold check (after the floor): ${exponent ?? 'n/a'}\n`,
);
const report = { schema: 'worldforge.bench-corpus/v1', runs, floor_s: floor, check_growth_exponent: exponent, results };
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`bench: wrote ${values.out}\n`);
