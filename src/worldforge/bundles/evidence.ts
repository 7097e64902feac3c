/**
 * Evidence bundles (`worldforge evidence bundle [--runs <id>…] --out <dir>`): several finished runs
 * collected for a review or a release — each run's gated files (sanitized manifest, event log,
 * inputs, results, reports), the capability fixtures those runs exercised, the budget files under
 * evidence/benchmarks/ when that evidence exists, a digest manifest (`bundle.json`), a Markdown
 * summary and an in-toto statement. Every file passes the same gate as an issue bundle; nothing
 * depends on when it was made, so bundling the same runs twice is byte-identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Tag } from '../digest.ts';
import { WORLDFORGE_VERSION } from '../evidence/suite/repo.ts';
import type { LoadedRun } from '../runs/history.ts';
import { BundleError, bundleRun, fileCounts, filesUnder, gatedRunFiles, writeBundleFolder } from './collect.ts';
import { gateFile } from './gate.ts';
import { buildStatement, PREDICATE_TYPES, STATEMENT_FILE, statementLine } from './intoto.ts';
import { type BundleFile, EVIDENCE_BUNDLE_SCHEMA, type EvidenceBundle, evidenceBundleSchema } from './schema.ts';

/** Repository folders a bundle copies from, when the runs need them. */
export const FIXTURES_DIR = 'fixtures/capabilities';
export const BUDGETS_DIR = 'evidence/benchmarks';

function repoFiles(root: string, folder: string, kind: string): { entries: BundleFile[]; copies: Map<string, Buffer> } {
  const entries: BundleFile[] = [];
  const copies = new Map<string, Buffer>();
  for (const path of filesUnder(join(root, ...folder.split('/')))) {
    const source = `${folder}/${path}`;
    const bytes = readFileSync(join(root, ...source.split('/')));
    const verdict = gateFile(source, bytes);
    entries.push({ path: source, source, kind, ...verdict, sha256: sha256Tag(bytes), size_bytes: bytes.byteLength });
    if (verdict.included) copies.set(source, bytes);
  }
  return { entries, copies };
}

export function evidenceSummaryMarkdown(bundle: EvidenceBundle): string {
  return [
    `# WorldForge evidence bundle (${bundle.run_count} run(s))`,
    '',
    `- worldforge ${bundle.worldforge_version}; evidence index ${bundle.evidence_index_sha256 ?? 'absent'}`,
    `- ${bundle.included_count} file(s) copied, ${bundle.excluded_count} excluded; safe to attach: ${bundle.safe_to_attach ? 'yes' : 'NO (see excluded files)'}`,
    `- verify offline: \`npx worldforge release verify <this folder>\``,
    '',
    '| run | kind | status | command |',
    '| --- | --- | --- | --- |',
    ...bundle.runs.map((r) => `| ${r.run_id} | ${r.kind} | ${r.status} | \`${r.command}\` |`),
    '',
    '## Skip reasons',
    '',
    ...(bundle.skip_reasons.length ? bundle.skip_reasons.map((s) => `- ${s.run_id}: ${s.skip_reason}`) : ['- none']),
    '',
    '## Excluded files',
    '',
    ...(bundle.excluded_count
      ? bundle.files.filter((f) => !f.included).map((f) => `- \`${f.source}\`${f.local_only ? ' (local-only)' : ' (UNSAFE)'}: ${f.reason}`)
      : ['- none']),
    '',
  ].join('\n');
}

/** Builds and writes the evidence bundle of `runs` into `out`; returns its bundle.json. */
export function writeEvidenceBundle(runs: readonly LoadedRun[], root: string, out: string): EvidenceBundle {
  if (runs.length === 0)
    throw new BundleError('no finished run to bundle: run `npx worldforge eval run --suite <id>` first, or pass --runs <id>');
  const described = [...runs]
    .sort((a, b) => a.manifest.run_id.localeCompare(b.manifest.run_id))
    .map((run) => ({ run, described: bundleRun(run) }));
  const entries: BundleFile[] = [];
  const copies = new Map<string, Buffer>();
  const add = (part: { entries: BundleFile[]; copies: Map<string, Buffer> }) => {
    entries.push(...part.entries);
    for (const [k, v] of part.copies) copies.set(k, v);
  };
  for (const { run } of described) add(gatedRunFiles(run, `runs/${run.manifest.run_id}`));
  for (const capability of [...new Set(described.map((d) => d.described.capability).filter((c): c is string => c !== null))].sort()) {
    if (existsSync(join(root, FIXTURES_DIR, capability))) add(repoFiles(root, `${FIXTURES_DIR}/${capability}`, 'fixture'));
  }
  if (existsSync(join(root, ...BUDGETS_DIR.split('/')))) add(repoFiles(root, BUDGETS_DIR, 'budget'));
  const files = entries.sort((a, b) => a.path.localeCompare(b.path));
  const index = join(root, 'evidence', 'index.json');
  const bundle = evidenceBundleSchema().parse({
    schema: EVIDENCE_BUNDLE_SCHEMA,
    bundle_kind: 'evidence',
    worldforge_version: WORLDFORGE_VERSION,
    evidence_index_sha256: existsSync(index) ? sha256Tag(readFileSync(index)) : null,
    run_count: described.length,
    runs: described.map((d) => d.described),
    skip_reasons: described
      .filter((d) => d.described.status === 'skipped')
      .map((d) => ({ run_id: d.described.run_id, skip_reason: d.described.skip_reason ?? 'not recorded' })),
    statement: STATEMENT_FILE,
    ...fileCounts(files),
    files,
  });
  const written = new Map<string, string | Uint8Array>(copies);
  written.set('bundle.json', canonicalJson(bundle));
  written.set('summary.md', evidenceSummaryMarkdown(bundle));
  written.set(
    STATEMENT_FILE,
    statementLine(
      buildStatement(written, PREDICATE_TYPES.evidenceBundle, {
        subject_base: 'bundle',
        run_ids: bundle.runs.map((r) => r.run_id),
        bundle_schema: EVIDENCE_BUNDLE_SCHEMA,
        evidence_index_sha256: bundle.evidence_index_sha256,
      }),
    ),
  );
  writeBundleFolder(out, written);
  return bundle;
}
