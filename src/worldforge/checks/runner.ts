/**
 * Runs check rules over loaded check data. Each rule receives only the slices it declares; a rule
 * that throws becomes one error finding naming the rule and its source file, and the other rules
 * still run. Rules whose scope includes `findings` run in a second phase over the first phase's
 * findings (the known-gaps ratchet); accepted known gaps then downgrade their findings to warnings.
 * Findings that are consequences of another reported problem (an input that failed its schema, a
 * ref already reported) are dropped (`quarantine.ts`), so one broken row gives one finding; the
 * ratchet still sees them, so a gap they match is not reported stale.
 */
import type { CheckRule } from './define-rule.ts';
import { finding, type Finding } from './finding.ts';
import { downgradeKnownGaps } from './known-gaps.ts';
import { type KeyedFinding, keysOf, withoutConsequences } from './quarantine.ts';
import { type RuleId, ruleSourcePath } from './rules.ts';
import { CHECK_RULES } from './rules/index.ts';
import { timed } from '../timings.ts';
import type { CheckData, CheckInput, SliceName } from './slices.ts';

/** The order findings are reported in: by file, then rule, then subject id (stable within a rule). */
export const byFileRuleId = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.id.localeCompare(b.id);

const isSecondPhase = (rule: CheckRule) => rule.scope.includes('findings');

/** The one finding a crashed rule becomes: its message only (redacted like every finding), never a stack trace. */
function crashFinding(rule: RuleId, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return finding(rule, {
    file: ruleSourcePath(rule),
    id: rule,
    expected: `rule ${rule} runs to completion`,
    found: `rule ${rule} crashed: ${message}`,
    fix: `Fix the rule in ${ruleSourcePath(rule)} (or the input it cannot handle), then run \`npm run check\` again.`,
  });
}

function runOne(rule: CheckRule, data: Partial<CheckData>): KeyedFinding[] {
  const id = rule.id as RuleId;
  try {
    const missing = rule.scope.filter((name) => data[name] === undefined);
    if (missing.length) throw new Error(`it reads ${missing.join(', ')}, which the caller did not load`);
    const slices = Object.fromEntries(rule.scope.map((name: SliceName) => [name, data[name]])) as Pick<CheckData, SliceName>;
    return timed(`rule: ${id}`, () => rule.check(slices)).map((draft) => ({ finding: finding(id, draft), ...keysOf(id, draft) }));
  } catch (error) {
    return [{ finding: crashFinding(id, error), quarantine: [], covers: [], depends: [] }];
  }
}

/**
 * Every finding of `rules` over `data`, sorted by file, rule and id. `data` needs the slices the
 * given rules read; a missing slice is reported as that rule's crash.
 */
export function runRules(data: CheckInput, rules: readonly CheckRule[] = CHECK_RULES): Finding[] {
  const keyed = rules.filter((rule) => !isSecondPhase(rule)).flatMap((rule) => runOne(rule, data));
  const all = keyed.map((k) => k.finding);
  const secondKeyed = rules.filter(isSecondPhase).flatMap((rule) => runOne(rule, { ...data, findings: all }));
  // Second-phase findings about a broken subject (a gap naming a rejected claim row) are consequences too.
  const kept = new Set(withoutConsequences([...keyed, ...secondKeyed]));
  const first = all.filter((f) => kept.has(f));
  const second = secondKeyed.map((k) => k.finding).filter((f) => kept.has(f));
  const adjusted = data.gaps ? downgradeKnownGaps(first, data.gaps.gaps) : first;
  return [...adjusted, ...second].sort(byFileRuleId);
}

/** Rules that read only the given slices (e.g. the record rules `selection check` runs on one file). */
export function rulesReading(slices: readonly SliceName[], rules: readonly CheckRule[] = CHECK_RULES): CheckRule[] {
  return rules.filter((rule) => rule.scope.every((name) => slices.includes(name)));
}
