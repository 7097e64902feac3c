/**
 * Helpers for the rule tests beside each rule (`rules/<rule-id>.test.ts`): build the few slices a
 * rule reads from small inline texts, run the rule through the real runner (so drafts become
 * findings exactly as in `npm run check`), and summarise findings in one line each.
 */
import { EVIDENCE_DIR } from '../evidence/evidence-index.ts';
import { REPO_ROOT } from '../evidence/suite/repo.ts';
import { parseClaims, parseKnownGaps } from '../claims/load.ts';
import { canonicalJson, sha256Tag } from '../digest.ts';
import { readEvidenceDir, readTextTree } from '../evidence/read.ts';
import { byPosition } from '../problem.ts';
import { parseDesignRecord, parseSelectionRecord, type RecordProblem } from '../records/index.ts';
import { CRITERION_IDS } from '../records/rubric.ts';
import { ROUTES } from '../site/routes.ts';
import type { CheckRule } from './define-rule.ts';
import type { Finding } from './finding.ts';
import { recordsSlice } from './records-slice.ts';
import { runRules } from './runner.ts';
import type { CheckInput, EvidenceSlice, RecordsSlice } from './slices.ts';

/** Runs one rule (and nothing else) over `data`. */
export const runRule = (rule: CheckRule, data: CheckInput): Finding[] => runRules(data, [rule]);

/** `level rule file:line [id]`, the part of a finding most tests pin. */
export const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.level} ${f.rule} ${f.file}:${f.line ?? '-'} [${f.id}]`);

let committedEvidence: ReadonlyMap<string, string> | undefined;
/** Text files under a repository folder, keyed by repository-relative path. */
const readRepoTree = (folder: string, names: RegExp) =>
  new Map([...readTextTree(`${REPO_ROOT}/${folder}`, names)].map(([path, text]) => [`${folder}/${path}`, text]));

/** The repository's committed evidence/ (read once): templates for documents a test edits. */
export function committed(): ReadonlyMap<string, string> {
  committedEvidence ??= readEvidenceDir(`${REPO_ROOT}/${EVIDENCE_DIR}`);
  return committedEvidence;
}

/** A committed evidence document, parsed, to edit into a test case. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit documents freely, the rule re-parses them
export const evidenceDocument = (path: string): any => JSON.parse(committed().get(path)!);

/** `doc` with its result_digest recomputed, so an edited body still parses (as a regenerated document would). */
// biome-ignore lint/suspicious/noExplicitAny: see evidenceDocument
export const sealed = (doc: any): string => `${canonicalJson({ ...doc, result_digest: sha256Tag(canonicalJson(doc.body)) })}`;

/** An evidence slice: committed and fresh default to the given files, no input problems. */
export function evidenceSlice(parts: Partial<EvidenceSlice> & { files?: ReadonlyMap<string, string> } = {}): EvidenceSlice {
  const files = parts.files ?? new Map<string, string>();
  return {
    committed: parts.committed ?? files,
    fresh: parts.fresh === undefined ? files : parts.fresh,
    inputProblems: parts.inputProblems ?? [],
  };
}

/** Files as a map from `[path, value]` pairs; non-string values are written as JSON. */
export const files = (...entries: [string, unknown][]): Map<string, string> =>
  new Map(entries.map(([path, value]) => [path, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`]));

/** One claim row as YAML (two-space list item under `claims:`), with the fields every row needs. */
export const claimRow = (id: string, extra: string) =>
  `  - id: ${id}\n    statement: A statement long enough to pass.\n    boundary: What it does not show.\n${extra}`;

/** A claims slice from YAML rows of `content/claims/test.yaml` (the text after `claims:`). */
export const claimsOf = (rows: string, file = 'content/claims/test.yaml') => parseClaims([{ file, text: `claims:\n${rows}` }]);

/** A known-gaps slice from YAML entries (the text after `gaps:`). */
export const gapsOf = (entries: string) => parseKnownGaps(entries ? `gaps:\n${entries}` : 'gaps: []\n');

/**
 * A records slice from record files (path → Markdown text): selection records under
 * content/selection-records/, design records under content/design-records/.
 */
export function recordsOf(texts: Record<string, string>): RecordsSlice {
  const problems: RecordProblem[] = [];
  const load = <T>(dir: string, parse: (path: string, text: string) => { record?: T; problems: RecordProblem[] }) =>
    Object.entries(texts)
      .filter(([path]) => path.startsWith(dir))
      .flatMap(([path, text]) => {
        const result = parse(path, text);
        problems.push(...result.problems);
        return result.record ? [result.record] : [];
      });
  const selection = load('content/selection-records/', parseSelectionRecord);
  const design = load('content/design-records/', parseDesignRecord);
  return recordsSlice({ selection, design, problems: problems.sort(byPosition) });
}

/** Body of a selection record linking the pages every record must link. */
export const SELECTION_BODY = `Scored with the [rubric](${ROUTES.selectionRubric}); see the [promotion rules](${ROUTES.selectionPromotionRules}).\n`;

/** One candidate of a selection record as YAML: all scores `points` (default 1, total 8: band rfc), plus `extra` lines. */
export function candidateYaml(id: string, decision = 'rfc', extra = '', points = 1): string {
  const scores = CRITERION_IDS.map((criterion) => `      ${criterion}: ${points}\n`).join('');
  return `  - id: ${id}\n    name: Candidate ${id}\n    capabilities: [score]\n    upstream: A documented runtime for ${id}\n    runtime_ownership: prepared-host\n    fixture_strategy: Injected fake runtime over the bridge\n    smoke_feasibility: CPU smoke on a prepared host\n    license_risk: Permissive licence, pinned versions\n    scores:\n${scores}    decision: ${decision}\n${extra}`;
}

/** A selection record file: frontmatter (lines 1–7 before the candidates, which start on line 8) and a body. */
export const selectionRecordText = (id: string, candidates: string, body = SELECTION_BODY) =>
  `---\nid: ${id}\ntitle: Test record ${id}\ncohort: cohort-test\ndecision_date: "2026-11-26"\nsummary: A small record used by the rule tests.\ncandidates:\n${candidates}---\n\n${body}`;

/** A design record file: an accepted provider-runtime decision unless `extra` frontmatter lines say more. */
export const designRecordText = (id: string, extra = '', body = 'A design record body.\n') =>
  `---\nid: ${id}\ntitle: Design ${id}\nkind: provider-runtime\ndecision_date: "2026-11-26"\ndecision: accepted\nsummary: A design record used by the rule tests.\nhost_owns:\n  - The runtime and its credentials\n${extra}---\n\n${body}`;

/** The repository's committed live-smoke entries (content/live-smoke/*.json), as a content slice to edit. */
export function liveSmokeContent(): Map<string, string> {
  return readRepoTree('content/live-smoke', /\.json$/);
}
