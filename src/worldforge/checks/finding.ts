/**
 * A check finding: what `npm run check` (and the build) report. Every finding names its rule,
 * the file, the subject id, what was expected, what was found, and the one command that fixes it.
 */
import { z } from 'zod';
import { redactText } from '../redaction.ts';
import { RULE_IDS, RULES, ruleDocsPath, type RuleId } from './rules.ts';

export const findingSchema = () =>
  z.strictObject({
    /** Rule id; each has a documentation page. */
    rule: z.enum(RULE_IDS),
    /** `error` fails the check; `warning` is reported only. */
    level: z.enum(['error', 'warning']),
    /** Repository-relative file the finding is about. */
    file: z.string().min(1),
    /** 1-based line, when known. */
    line: z.int().positive().nullable(),
    /** Subject: evidence id, `provider#capability`, field path… */
    id: z.string().min(1),
    /** What the rule expected. */
    expected: z.string(),
    /** What it found. */
    found: z.string(),
    /** The command or edit that resolves it. */
    fix: z.string().min(1),
    /** Optional longer detail, e.g. a unified diff. */
    details: z.string().nullable(),
    /** Link to the rule's documentation page. */
    docs: z.string().min(1),
  });
export type Finding = z.infer<ReturnType<typeof findingSchema>>;

export const checkReportSchema = () =>
  z.strictObject({
    /** True when no finding is an error. */
    ok: z.boolean(),
    /** Wall-clock time the check took, in milliseconds (not part of any digest). */
    elapsed_ms: z.number().min(0),
    /** All findings, sorted by file, rule, id. */
    findings: z.array(findingSchema()),
  });
export type CheckReport = z.infer<ReturnType<typeof checkReportSchema>>;

/**
 * What a rule's check returns: a finding without the parts the runner fills in (rule id, docs
 * link). `level` defaults to error, `line` and `details` to null, `fix` to the rule's fix. It is
 * declared on its own, not derived from `Finding`, because rule definitions (whose ids make up
 * `RuleId`) return it: deriving it from `Finding` would make `RuleId` depend on itself.
 */
export interface FindingDraft {
  level?: 'error' | 'warning';
  file: string;
  line?: number | null;
  id: string;
  expected: string;
  found: string;
  fix?: string | undefined;
  details?: string | null;
  /**
   * Input subjects this finding says failed their schema (quarantine keys, see `quarantine.ts`):
   * findings of other rules that depend on them are consequences and are not reported. A finding of
   * a schema rule (`<input>-schema`) quarantines its `file` unless it names its keys here.
   */
  quarantine?: readonly string[];
  /** Subjects whose problems this finding already reports (e.g. a claim's refs), one level below `quarantine`. */
  covers?: readonly string[];
  /** Subjects (besides its `file`) this finding's verdict rests on; it is dropped when one of them is quarantined or covered. */
  depends?: readonly string[];
}

/**
 * Completes a draft into the finding of `rule`. Every text field is redacted: findings reach
 * terminals, CI logs and job summaries, and a diff of a file holding a secret would otherwise
 * print the secret.
 */
export function finding(rule: RuleId, draft: FindingDraft): Finding {
  return {
    rule,
    level: draft.level ?? 'error',
    file: redactText(draft.file),
    line: draft.line ?? null,
    id: redactText(draft.id),
    expected: redactText(draft.expected),
    found: redactText(draft.found),
    fix: draft.fix ?? RULES[rule].fix,
    details: draft.details == null ? null : redactText(draft.details),
    docs: ruleDocsPath(rule),
  };
}
