/**
 * How a check rule is written: one file per rule under `checks/rules/<rule-id>.ts`, exporting by
 * default one `defineRule({...})`. The definition holds everything about the rule — its id, the
 * texts its documentation page renders, the slices of check data it reads and the check itself —
 * so adding a rule touches only its own file, its test and the registry line.
 */
import type { FindingDraft } from './finding.ts';
import type { CheckData, SliceName } from './slices.ts';

export interface RuleDefinition<Id extends string, Scope extends SliceName> {
  /** Rule id, equal to the file name; findings carry it and `/rules/<id>/` documents it. */
  id: Id;
  /** One line: what holds when the rule passes. */
  title: string;
  /** Why the rule exists (rendered on its page; `code` spans allowed). */
  why: string;
  /** How to resolve a finding: the default `fix` of every finding the rule reports. */
  fix: string;
  /** The slices of check data the rule reads; `findings` makes it a second-phase rule. */
  scope: readonly Scope[];
  /**
   * The check: receives only the declared slices and returns what it found. The runner adds the
   * rule id, docs link and default fix, redacts every text, and turns a throw into one finding.
   */
  check: (slices: Pick<CheckData, Scope>) => FindingDraft[];
}

/** A registered rule. The defaults describe "any rule" for the runner and the registry. */
export type CheckRule<Id extends string = string, Scope extends SliceName = SliceName> = Readonly<RuleDefinition<Id, Scope>>;

/** Types a rule definition: `check` may read exactly the slices `scope` names. */
export function defineRule<const Id extends string, const Scope extends SliceName>(rule: RuleDefinition<Id, Scope>): CheckRule<Id, Scope> {
  return Object.freeze({ ...rule, scope: Object.freeze([...rule.scope]) });
}
