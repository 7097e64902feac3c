/**
 * The check over a scratch copy of the repository's data (content/, fixtures/, evidence/), for
 * adversarial tests that break one input and count what the check reports. It loads every slice
 * the way scripts/check.ts does, from the copy, with one difference: the suites are not re-run —
 * the fresh evidence is the committed one (the real check asserts they are equal), or none when an
 * input corpus is invalid, exactly as `npm run check` does then.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../src/worldforge/checks/finding.ts';
import { recordsSlice } from '../../../src/worldforge/checks/records-slice.ts';
import { runRules } from '../../../src/worldforge/checks/runner.ts';
import type { CheckInput } from '../../../src/worldforge/checks/slices.ts';
import { loadClaims, loadKnownGaps } from '../../../src/worldforge/claims/load.ts';
import { repoRefSources } from '../../../src/worldforge/claims/sources.ts';
import { sha256Tag } from '../../../src/worldforge/digest.ts';
import { readEvidenceDir, readTextTree, refusedEntries } from '../../../src/worldforge/evidence/read.ts';
import { REPO_ROOT } from '../../../src/worldforge/evidence/suite/repo.ts';
import { FixtureCorpusError, loadCorpus } from '../../../src/worldforge/fixtures/load.ts';
import type { Problem } from '../../../src/worldforge/problem.ts';
import { catalogProfiles } from '../../../src/worldforge/providers/catalog.ts';
import { loadRecords } from '../../../src/worldforge/records/load.ts';
import { REGISTRIES, registryIndexState } from '../../../src/worldforge/registry-index.ts';
import { loadExchanges, recordedProviderFolders } from '../../../src/worldforge/replay/exchange.ts';
import { loadSceneCorpus } from '../../../src/worldforge/scene/fixtures.ts';
import { scanCredentials } from '../../../src/worldforge/redaction/secretlint.ts';

const COPIED = ['content', 'fixtures', 'evidence'] as const;

/** A scratch copy of the data folders; `dispose` removes it. */
export function scratchCopy(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wf-adversarial-'));
  for (const folder of COPIED) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

function inputProblems(root: string): Problem[] {
  const loaders = [
    () => loadCorpus(root),
    () => loadSceneCorpus(root),
    ...recordedProviderFolders(root).map((p) => () => loadExchanges(root, p)),
  ];
  return loaders.flatMap((load) => {
    try {
      load();
      return [];
    } catch (error) {
      if (error instanceof FixtureCorpusError) return [...error.problems];
      throw error;
    }
  });
}

/** Every finding of the rule registry over the data under `root` (code, README and docs from the repository). */
export async function checkCopy(root: string): Promise<Finding[]> {
  const committed = readEvidenceDir(join(root, 'evidence'));
  const problems = inputProblems(root);
  const records = loadRecords(root);
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const inCopy = (path: string) => COPIED.some((folder) => path.startsWith(`${folder}/`));
  const digest = (path: string) => {
    const full = inCopy(path) ? join(root, path) : join(REPO_ROOT, path);
    return existsSync(full) ? sha256Tag(readFileSync(full)) : null;
  };
  const docs = readTextTree(join(REPO_ROOT, 'src/content/docs'), /\.mdx?$/);
  const content = new Map(
    [...readTextTree(join(root, 'content'), /\.(json|jsonl|md|mdx|ya?ml|txt|csv|html)$/i)].map(([p, t]) => [`content/${p}`, t]),
  );
  const sources = new Map([
    ...[...docs].map(([f, text]) => [`src/content/docs/${f}`, text] as const),
    ...[...readTextTree(join(root, 'fixtures'), /./)].map(([f, text]) => [`fixtures/${f}`, text] as const),
  ]);
  const credentials = await scanCredentials([...committed.values(), ...content.values(), ...sources.values(), readme]);
  const data: CheckInput = {
    evidence: { committed, fresh: problems.length ? null : committed, inputProblems: problems },
    repo: { digest },
    profiles: catalogProfiles(),
    readme,
    claims: loadClaims(root),
    gaps: loadKnownGaps(root),
    refs: repoRefSources(root, committed, records),
    prose: [
      { file: 'README.md', text: readme },
      ...[...docs].sort(([a], [b]) => a.localeCompare(b)).map(([f, text]) => ({ file: `src/content/docs/${f}`, text })),
    ],
    records: recordsSlice(records),
    content,
    sources,
    credentials,
    dist: null,
    registries: REGISTRIES.map((spec) => registryIndexState(REPO_ROOT, spec)),
    refused: refusedEntries(root),
    today: new Date(),
    mode: 'pull-request',
  };
  return runRules(data);
}
