/**
 * `worldforge check`: loads the check data — the committed tree, a fresh in-memory regeneration of
 * every suite, profiles, README, claims, records, content and the built site — and runs the rule
 * registry over it (src/worldforge/checks). It reads sources only, never rendered pages, so it is
 * independent of Astro's Markdown processor and cache, and far cheaper than a site build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVIDENCE_DIR } from '../src/worldforge/evidence/index.ts';
import { inputCorpusProblemsAt } from '../src/worldforge/evidence/suite/inputs.ts';
import { REPO_ROOT, repoPath } from '../src/worldforge/evidence/suite/repo.ts';
import { buildEvidence, type EvidenceFiles, readCommittedEvidence } from '../generators/run.ts';
import type { CheckRule } from '../src/worldforge/checks/define-rule.ts';
import type { CheckReport, Finding } from '../src/worldforge/checks/finding.ts';
import { recordsSlice } from '../src/worldforge/checks/records-slice.ts';
import { runRules as runRegistry } from '../src/worldforge/checks/runner.ts';
import { CHECK_RULES } from '../src/worldforge/checks/rules/index.ts';
import type { CheckData, CheckInput, CheckMode } from '../src/worldforge/checks/slices.ts';
import { loadClaims, loadKnownGaps } from '../src/worldforge/claims/load.ts';
import { findClaimReferences, readmeClaimsList } from '../src/worldforge/claims/references.ts';
import { prescanTexts } from '../src/worldforge/text-scan/pool.ts';
import { repoRefSources } from '../src/worldforge/claims/sources.ts';
import { sha256Tag } from '../src/worldforge/digest.ts';
import { readTextTree, refusedEntries } from '../src/worldforge/evidence/read.ts';
import { FixtureCorpusError } from '../src/worldforge/fixtures/load.ts';
import type { Problem } from '../src/worldforge/problem.ts';
import { catalogProfiles } from '../src/worldforge/providers/catalog.ts';
import { loadRecords } from '../src/worldforge/records/load.ts';
import { scanCredentials } from '../src/worldforge/redaction/secretlint.ts';
import { scanFileText } from '../src/worldforge/redaction/file-scan.ts';
import { REGISTRIES, registryIndexState } from '../src/worldforge/registry-index.ts';
import { timed } from '../src/worldforge/timings.ts';
import {
  CHECK_CACHE_FILE,
  type CheckKeys,
  checkKeys,
  readSuiteCache,
  suiteCacheAllowed,
  writeSuiteCache,
} from '../src/worldforge/check-cache.ts';
import { attachTextMemo, saveTextMemo } from '../src/worldforge/text-memo.ts';

/** Text files under a folder of `root` (default: this checkout) whose name matches, keyed by repository-relative path. */
function readRepoTree(folder: string, names: RegExp, root = REPO_ROOT): Map<string, string> {
  return new Map([...readTextTree(join(root, folder), names)].map(([path, text]) => [`${folder}/${path}`, text]));
}

/** The authored-data folders a scratch `dataRoot` replaces (code, README, docs and dist/ stay this checkout's). */
export const DATA_FOLDERS = ['content', 'fixtures', 'evidence'] as const;

/** content/ is authored data: every text format it may hold. */
const CONTENT_FILES = /\.(json|jsonl|md|mdx|ya?ml|txt|csv|html)$/i;
/** Sources the site is built from, scanned before the build: every file, whatever its name. */
const SOURCE_FILES = /./;
/** dist/ text assets (Pagefind's index chunks are compressed binaries derived from these pages). */
const DIST_FILES = /\.(html|js|mjs|css|json|xml|txt|md|svg|webmanifest)$/i;

/** The digest of a repository file as it is now: data files from `dataRoot`, the rest from this checkout. */
const currentDigest =
  (dataRoot: string) =>
  (path: string): string | null => {
    const full = join(DATA_FOLDERS.some((folder) => path.startsWith(`${folder}/`)) ? dataRoot : REPO_ROOT, path);
    return existsSync(full) ? sha256Tag(readFileSync(full)) : null;
  };

/**
 * Regenerates every suite in memory. Generation validates every input corpus first (fixtures,
 * scenes, recorded exchanges), so invalid inputs become the problems of all corpora at once.
 */
async function regenerate(): Promise<{ fresh: EvidenceFiles | null; inputProblems: Problem[] }> {
  try {
    return { fresh: await buildEvidence(), inputProblems: [] };
  } catch (error) {
    if (!(error instanceof FixtureCorpusError)) throw error;
    return { fresh: null, inputProblems: [...error.problems] };
  }
}

/**
 * The suites' regeneration, reused from the suite cache when it is allowed and every input is
 * unchanged since it was stored (src/worldforge/check-cache.ts), else run and stored.
 */
async function regenerateOrReuse(options: CheckOptions): Promise<{ fresh: EvidenceFiles | null; inputProblems: Problem[] }> {
  if (!suiteCacheAllowed(options)) return regenerate();
  const key = (options.keys ?? timed('load: cache keys', () => checkKeys(REPO_ROOT))).suites;
  const cached = readSuiteCache(REPO_ROOT, key);
  if (cached) {
    options.onNote?.(`suites reused from ${CHECK_CACHE_FILE}: no input changed since they last ran (--no-cache reruns them)`);
    return { fresh: cached.fresh ? new Map(cached.fresh) : null, inputProblems: cached.inputProblems };
  }
  const run = await regenerate();
  // Stored only when no input changed while the suites ran (an editor saving mid-check): the
  // result must be the one of the inputs its key names.
  if (checkKeys(REPO_ROOT).suites === key) {
    writeSuiteCache(REPO_ROOT, key, { fresh: run.fresh ? [...run.fresh] : null, inputProblems: run.inputProblems });
  }
  return run;
}

/** The committed evidence standing in for the suites' output (`suites: 'committed'`). */
async function committedAsFresh(
  dataRoot: string,
  committed: EvidenceFiles,
): Promise<{ fresh: EvidenceFiles | null; inputProblems: Problem[] }> {
  const inputProblems = inputCorpusProblemsAt(dataRoot);
  return { fresh: inputProblems.length ? null : committed, inputProblems };
}

/** What a check run loads and how strict it is. */
export interface CheckOptions {
  /** Scan a built dist/ when there is one (default true; `--no-dist` before a build). */
  scanDist?: boolean;
  /** Release mode (`--release`): known gaps on release-gated and prepared-host claims, and stale prepared-host evidence, are errors. */
  release?: boolean;
  /** The check's own date (default: now); dates in authored data are compared with it. */
  today?: Date;
  /**
   * Only the rules that read the built site, over dist/ alone (`check --dist-only`): the pass after
   * `astro build`, whose suites, claims and sources the pre-build check already covered.
   */
  distOnly?: boolean;
  /**
   * Reuse the suites' last regeneration when no input changed (the CLI's default; never in release
   * mode or CI: see src/worldforge/check-cache.ts). Library callers run the suites unless they ask.
   */
  cache?: boolean;
  /** Receives a line the CLI prints on stderr (that the suites were reused). */
  onNote?: (line: string) => void;
  /** The cache keys of this run, when the caller computed them (runCheck): one tree walk per run. */
  keys?: CheckKeys;
  /**
   * Where the authored data (content/, fixtures/, evidence/) is read: default this checkout. Tests
   * that break one input point it at a scratch copy of those folders, with `suites: 'committed'`
   * (the suites themselves always run over this checkout).
   */
  dataRoot?: string;
  /**
   * `run` (default) regenerates the suites; `committed` takes the committed evidence as their
   * output, or none when an input corpus under `dataRoot` is invalid (exactly what the real
   * check then has): for a scratch `dataRoot`, whose suites cannot run in this process.
   */
  suites?: 'run' | 'committed';
}

/** The mode a check runs in, from its options. */
export const checkMode = (options: Pick<CheckOptions, 'release'>): CheckMode => (options.release ? 'release' : 'pull-request');

/** Every slice the rules read, loaded from the repository. */
export async function loadContext(options: CheckOptions = {}): Promise<Omit<CheckData, 'findings'>> {
  // The suites start first: while they wait on their bridge runtimes and replay servers (other
  // processes, so the other core), this process reads and parses everything else.
  const data = options.dataRoot ?? REPO_ROOT;
  const committed = timed('load: committed evidence', () => readCommittedEvidence(join(data, EVIDENCE_DIR)));
  const regeneration = timed('load: regenerate suites', () =>
    options.suites === 'committed' ? committedAsFresh(data, committed) : regenerateOrReuse(options),
  );
  regeneration.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const records = loadRecords(data);
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  const content = readRepoTree('content', CONTENT_FILES, data);
  const docs = readRepoTree('src/content/docs', SOURCE_FILES);
  const sources = new Map([...docs, ...readRepoTree('fixtures', SOURCE_FILES, data)]);
  // The site is checked when it has been built (CI builds before checking); a stale dist/ from
  // an older build is scanned too, which errs on the safe side.
  const dist = options.scanDist !== false && existsSync(repoPath('dist')) ? readRepoTree('dist', DIST_FILES) : null;
  const prose = [
    { file: 'README.md', text: readme },
    // The Markdown pages among the docs already read (the folder is walked once).
    ...[...docs]
      .filter(([file]) => /\.mdx?$/.test(file))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, text]) => ({ file, text })),
  ];
  const authored = [...committed.values(), ...content.values(), ...sources.values(), ...(dist?.values() ?? []), readme];
  // The bundled CLI scans these texts on its worker thread meanwhile (text-scan/pool.ts); whatever
  // it has not answered when a rule asks is scanned here, with the same code.
  const prescans = timed('load: worker scans', () =>
    Promise.all([
      prescanTexts(
        'claim-references',
        prose.map(({ text }) => text),
      ),
      prescanTexts('secret-spans', authored),
      prescanTexts('secretlint', authored),
    ]),
  );
  const claims = timed('load: claims', () => loadClaims(data));
  const gaps = timed('load: known gaps', () => loadKnownGaps(data));
  await prescans;
  // Parsed now (memoized per text), so the prose rules find the parse done.
  timed('load: claim references', () => {
    for (const { text } of prose) findClaimReferences(text);
    readmeClaimsList(readme);
  });
  // secretlint is asynchronous and rules are not: every text a secret-scan rule reads is scanned
  // here (each text once per process: the regenerated files equal to committed ones are free).
  await timed('load: secretlint', () => scanCredentials(authored));
  const { fresh, inputProblems } = await regeneration;
  await prescanTexts('secretlint', fresh?.values() ?? []);
  const credentials = await timed('load: secretlint', () => scanCredentials([...authored, ...(fresh?.values() ?? [])]));
  return {
    evidence: { committed, fresh, inputProblems },
    repo: { digest: currentDigest(data) },
    profiles: catalogProfiles(),
    readme,
    claims,
    gaps,
    refs: timed('load: ref sources', () => repoRefSources(data, committed, records)),
    prose,
    records: timed('load: records slice', () => recordsSlice(records)),
    content,
    sources,
    credentials,
    dist,
    registries: timed('load: registries', () => REGISTRIES.map((spec) => registryIndexState(REPO_ROOT, spec))),
    refused: timed('load: refused entries', () => refusedEntries(data)),
    today: options.today ?? new Date(),
    mode: checkMode(options),
  };
}

/** The registry's rules (or the given ones) over loaded data: findings sorted by file, rule, id. */
export function runRules(data: CheckInput, rules?: readonly CheckRule[]): Finding[] {
  return runRegistry(data, rules);
}

/**
 * The data of the post-build pass: dist/ (empty when there is no build), its secretlint scan, and
 * empty versions of the other slices the dist rules read, so those rules scan the built site and
 * nothing twice.
 */
export async function loadDistContext(options: CheckOptions = {}): Promise<CheckInput> {
  const dist = existsSync(repoPath('dist')) ? readRepoTree('dist', DIST_FILES) : new Map<string, string>();
  const texts = [...dist.values(), ''];
  // Both scans of every page, side by side: secretlint on the worker thread (when there is one),
  // the project's detectors here (memoized, so the secret-scan rule finds them done).
  const linted = prescanTexts('secretlint', texts);
  timed('load: detectors', () => {
    for (const text of texts) scanFileText(text);
  });
  await linted;
  return {
    evidence: { committed: new Map(), fresh: new Map(), inputProblems: [] },
    content: new Map(),
    readme: '',
    dist,
    credentials: await scanCredentials(texts),
    today: options.today ?? new Date(),
    mode: checkMode(options),
  };
}

/** The rules of the post-build pass: those that read the built site. */
export const DIST_RULES: readonly CheckRule[] = CHECK_RULES.filter((rule) => (rule.scope as readonly string[]).includes('dist'));

/** Loads the check data and runs every rule; `release: true` is the release-evidence mode. */
export async function runCheck(options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const keys = suiteCacheAllowed(options) ? timed('load: cache keys', () => checkKeys(REPO_ROOT)) : undefined;
  if (keys) attachTextMemo(REPO_ROOT, keys.code);
  const findings = options.distOnly
    ? runRules(await loadDistContext(options), DIST_RULES)
    : runRules(await timed('load: all', () => loadContext({ ...options, keys })));
  saveTextMemo();
  return {
    ok: findings.every((f) => f.level !== 'error'),
    elapsed_ms: Math.round(performance.now() - started),
    findings,
  };
}
