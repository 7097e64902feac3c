/**
 * A check finding: what `npm run check` (and the build) report. Every finding names its rule,
 * the file, the subject id, what was expected, what was found, and the one command that fixes it.
 */
import { z } from 'zod';
import { RULE_IDS } from './rules.ts';

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
