/** What every check rule receives: the committed tree and a fresh in-memory regeneration. */
import type { EvidenceFiles } from '../../generators/run.ts';
import type { ProviderProfile } from '../../src/worldforge/providers/profile.ts';
import { ruleDocsPath, RULES, type RuleId } from '../../src/worldforge/checks/rules.ts';
import type { Finding } from '../../src/worldforge/checks/finding.ts';
import { evidenceKindOf, evidenceSchemaOf, type EvidenceKind, type EvidenceOf } from '../../src/worldforge/evidence/index.ts';
import type { ClaimSet, GapSet } from '../../src/worldforge/claims/load.ts';
import type { RefSources } from '../../src/worldforge/claims/refs.ts';
import type { RecordSet } from '../../src/worldforge/records/load.ts';
import { redactText } from '../../src/worldforge/redaction.ts';

export interface CheckContext {
  /** Files under evidence/ as committed (relative paths). */
  committed: EvidenceFiles;
  /** Files the suites produce now; null when the suites could not run (see inputProblems). */
  fresh: EvidenceFiles | null;
  /** Problems in inputs (fixture corpus) that stopped the suites from running. */
  inputProblems: { file: string; field: string; reason: string }[];
  /** sha256 tag of a repository file now, or null when it does not exist. */
  currentDigest: (path: string) => string | null;
  /** Catalog profiles as the code declares them now. */
  profiles: ProviderProfile[];
  /** README.md text. */
  readme: string;
  /** Claim rows from content/claims/ with their locations. */
  claims: ClaimSet;
  /** Accepted known gaps (the ratchet list). */
  gaps: GapSet;
  /** Markdown sources that may cite claims: README.md and src/content/docs/**. */
  prose: { file: string; text: string }[];
  /** What claim evidence refs resolve against. */
  refSources: RefSources;
  /** Selection and design records under content/, with every record problem already found. */
  records: RecordSet;
  /** Every text file under content/, keyed by repository-relative path. */
  content: Map<string, string>;
  /** Text files of the built site (dist/), keyed by repository-relative path; null when not built. */
  dist: Map<string, string> | null;
  /** Absolute path of a repository file. */
  repoFile: (path: string) => string;
}

/** The regenerated documents of one evidence kind, parsed with its shared schema (none when the suites could not run). */
export function freshDocuments<K extends EvidenceKind>(fresh: EvidenceFiles | null, kind: K): { path: string; doc: EvidenceOf<K> }[] {
  return [...(fresh ?? [])]
    .filter(([path]) => evidenceKindOf(path) === kind)
    .map(([path, text]) => ({ path, doc: evidenceSchemaOf(kind).parse(JSON.parse(text)) as EvidenceOf<K> }));
}

export interface Rule {
  id: RuleId;
  check: (context: CheckContext) => Finding[];
}

type FindingInput = Omit<Finding, 'rule' | 'docs' | 'level' | 'line' | 'details' | 'fix'> &
  Partial<Pick<Finding, 'level' | 'line' | 'details' | 'fix'>>;

/**
 * Builds a finding with the rule's docs link and default fix filled in. Every text field is
 * redacted: findings reach terminals, CI logs and job summaries, and a diff of a file holding a
 * secret would otherwise print the secret.
 */
export function finding(rule: RuleId, input: FindingInput): Finding {
  return {
    rule,
    level: input.level ?? 'error',
    file: redactText(input.file),
    line: input.line ?? null,
    id: redactText(input.id),
    expected: redactText(input.expected),
    found: redactText(input.found),
    fix: input.fix ?? RULES[rule].fix,
    details: input.details == null ? null : redactText(input.details),
    docs: ruleDocsPath(rule),
  };
}
