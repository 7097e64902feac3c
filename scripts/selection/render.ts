/**
 * Writes a selection record as Markdown: frontmatter in the field order the schema documents, and
 * a body that links the rubric and the promotion rules (the selection-links rule requires both).
 */
import { stringify } from 'yaml';
import { CRITERION_IDS, type CriterionId } from '../../src/worldforge/records/rubric.ts';
import { ROUTES } from '../../src/worldforge/site/routes.ts';
import type { SelectionCandidate } from '../../src/worldforge/records/selection.ts';

export interface RecordDraft {
  id: string;
  title: string;
  cohort: string;
  decision_date: string;
  summary: string;
  candidates: SelectionCandidate[];
}

const CANDIDATE_ORDER = [
  'id',
  'name',
  'capabilities',
  'upstream',
  'runtime_ownership',
  'fixture_strategy',
  'smoke_feasibility',
  'license_risk',
  'scores',
  'decision',
  'override_reason',
  'blocker',
  'revisit_trigger',
  'design_record',
] as const;

function ordered(candidate: SelectionCandidate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CANDIDATE_ORDER) {
    const value = candidate[key];
    if (value === undefined) continue;
    out[key] = key === 'scores' ? Object.fromEntries(CRITERION_IDS.map((id) => [id, (value as Record<CriterionId, number>)[id]])) : value;
  }
  return out;
}

export function renderRecord(draft: RecordDraft): string {
  const frontmatter = {
    id: draft.id,
    title: draft.title,
    cohort: draft.cohort,
    decision_date: draft.decision_date,
    summary: draft.summary,
    candidates: draft.candidates.map(ordered),
  };
  // Quote the date: js-yaml (Astro) would otherwise read it as a Date (the schema copes, readers may not).
  const yaml = stringify(frontmatter, { lineWidth: 100, defaultStringType: 'PLAIN' }).replace(
    /^decision_date: (\d{4}-\d{2}-\d{2})$/m,
    'decision_date: "$1"',
  );
  return [
    '---',
    yaml.trimEnd(),
    '---',
    '',
    `Each candidate was scored 0–2 on the eight criteria of the [provider rubric](${ROUTES.selectionRubric}); the totals`,
    'shown on the site are computed from those points. A candidate enters the provider catalog only',
    `through the [promotion rules](${ROUTES.selectionPromotionRules}), one level at a time.`,
    '',
  ].join('\n');
}
