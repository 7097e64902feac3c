/**
 * The data `npm run check` reads, split into named slices. A rule declares the slices it needs
 * (`scope`) and its `check` receives only those, both in the types (`Pick<CheckData, scope>`) and
 * at run time, so what a rule depends on is visible in its definition and a test only builds the
 * slices the rule reads.
 */
import type { ClaimSet, GapSet } from '../claims/load.ts';
import type { CredentialScan } from '../redaction.ts';
import type { RefSources } from '../claims/refs.ts';
import type { RefusedEntry } from '../evidence/read.ts';
import type { Problem } from '../problem.ts';
import type { ProviderProfile } from '../providers/profile.ts';
import type { DesignRecord } from '../records/design.ts';
import type { RouteTable } from '../records/links.ts';
import type { LoadedRecord } from '../records/load.ts';
import type { SelectionRecord } from '../records/selection.ts';
import type { RegistryIndexState } from '../registry-index.ts';
import type { Finding } from './finding.ts';

/** Files under evidence/, keyed by path relative to evidence/. */
export type EvidenceTree = ReadonlyMap<string, string>;

export interface EvidenceSlice {
  /** Files under evidence/ as committed. */
  committed: EvidenceTree;
  /** Files the suites produce now; null when the suites could not run (see inputProblems). */
  fresh: EvidenceTree | null;
  /** Problems in the suites' inputs (fixture corpus, recorded exchanges) that stopped them from running. */
  inputProblems: readonly Problem[];
}

export interface RepoSlice {
  /** sha256 tag of a repository file's bytes now, or null when it does not exist. */
  digest: (path: string) => string | null;
}

export interface ProseFile {
  /** Repository-relative path. */
  file: string;
  text: string;
}

export interface RecordsSlice {
  /** Selection records whose rules run: every record for `npm run check`, one for `selection check`. */
  selection: readonly LoadedRecord<SelectionRecord>[];
  /** Design records whose rules run. */
  design: readonly LoadedRecord<DesignRecord>[];
  /** Structural problems of the checked files (YAML, schema, id ≠ file name), tagged with their schema rule. */
  problems: readonly Problem[];
  /** Every record of the repository, which `design_record:` and `selection:` references resolve against. */
  known: { selection: readonly SelectionRecord[]; design: readonly DesignRecord[] };
  /** Pages and anchors the site renders, which links in record bodies resolve against. */
  routes: RouteTable;
}

/**
 * How strict the check is. `pull-request` (the default) lets a known gap excuse a finding and
 * warns about stale prepared-host evidence; `release` (`npm run check -- --release`,
 * `runCheck({ release: true })`) is for release evidence: a known gap on a release-gated or
 * prepared-host claim is an error, and so is stale prepared-host evidence.
 */
export const CHECK_MODES = ['pull-request', 'release'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

export interface CheckData {
  /** Committed and regenerated evidence. */
  evidence: EvidenceSlice;
  /** Repository files as they are now. */
  repo: RepoSlice;
  /** Catalog profiles as the code declares them now. */
  profiles: readonly ProviderProfile[];
  /** README.md text. */
  readme: string;
  /** Claim rows from content/claims/ with their locations and problems. */
  claims: ClaimSet;
  /** Accepted known gaps (the ratchet list) and their problems. */
  gaps: GapSet;
  /** What claim evidence refs resolve against. */
  refs: RefSources;
  /** Markdown sources that may cite claims: README.md and src/content/docs/**. */
  prose: readonly ProseFile[];
  /** Selection and design records, their structural problems and what their references resolve against. */
  records: RecordsSlice;
  /** Every text file under content/, keyed by repository-relative path. */
  content: ReadonlyMap<string, string>;
  /** Text files of the built site (dist/), keyed by repository-relative path; null when not built. */
  dist: ReadonlyMap<string, string> | null;
  /** Every file under src/content/docs/ and fixtures/ (sources scanned before the site is built), keyed by repository-relative path. */
  sources: ReadonlyMap<string, string>;
  /** secretlint's credential findings for every text the check loaded, looked up by text. */
  credentials: CredentialScan;
  /** Each registry's committed `index.ts` and the one its folder generates now. */
  registries: readonly RegistryIndexState[];
  /** Entries under evidence/, content/, fixtures/, .worldforge/ and the docs that are symlinks (or not regular files): never read, each refused. */
  refused: readonly RefusedEntry[];
  /** Today's date: the only clock the check reads, for warnings that never reach evidence. */
  today: Date;
  /** Pull-request or release strictness (see CHECK_MODES). */
  mode: CheckMode;
  /** Second phase only: the findings of every first-phase rule. */
  findings: readonly Finding[];
}

export type SliceName = keyof CheckData;

/** What a caller loads for the runner: every slice but `findings`, which the runner provides. */
export type CheckInput = Partial<Omit<CheckData, 'findings'>>;
