/**
 * The rules `npm run check` enforces, derived from the registry (`rules/index.ts`): their ids, the
 * `RuleId` type and each rule's documentation. Each rule's texts live once, in its own file; the
 * check attaches them to findings and the site renders the rule pages from them.
 */
import { rulePath } from '../site/routes.ts';
import type { SliceName } from './slices.ts';
import { CHECK_RULES } from './rules/index.ts';

/** Every registered rule. */
export type RegisteredRule = (typeof CHECK_RULES)[number];
export type RuleId = RegisteredRule['id'];

/** Every rule id, in registry (file name) order. */
export const RULE_IDS = CHECK_RULES.map((rule) => rule.id) as unknown as readonly [RuleId, ...RuleId[]];

export interface RuleDoc {
  id: RuleId;
  title: string;
  /** Why the rule exists. */
  why: string;
  /** How to resolve a finding. */
  fix: string;
  /** The slices of check data the rule reads. */
  scope: readonly SliceName[];
}

/** Documentation of each rule, by id. */
export const RULES: Readonly<Record<RuleId, RuleDoc>> = Object.fromEntries(
  CHECK_RULES.map(({ id, title, why, fix, scope }) => [id, { id, title, why, fix, scope }]),
) as Record<RuleId, RuleDoc>;

/** Site path of a rule's documentation page (the route table's rule path, typed to registered ids). */
export const ruleDocsPath = (rule: RuleId) => rulePath(rule);

/** Repository path of a rule's source file (one file per rule, named by its id). */
export const ruleSourcePath = (rule: RuleId) => `src/worldforge/checks/rules/${rule}.ts`;
