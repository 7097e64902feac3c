/**
 * The `records` slice, for `npm run check` (every record) and for `worldforge selection check` /
 * `selection new` (one selection record checked against the others). Both run the same
 * record-scoped rules of the registry, so a record passes one exactly when it passes the other.
 */
import { PROVIDER_NAMES } from '../providers/catalog.ts';
import { siteRoutes } from '../records/links.ts';
import { loadRecords, parseSelectionRecord, type RecordSet } from '../records/load.ts';
import type { Finding } from './finding.ts';
import { RULE_IDS } from './rules.ts';
import { rulesReading, runRules } from './runner.ts';
import type { RecordsSlice } from './slices.ts';

/** Records to check (`checked`) with what their references resolve against (`known`, default: the same records). */
export function recordsSlice(checked: RecordSet, known: Pick<RecordSet, 'selection' | 'design'> = checked): RecordsSlice {
  const selection = known.selection.map((r) => r.data);
  const design = known.design.map((r) => r.data);
  return {
    selection: checked.selection,
    design: checked.design,
    problems: checked.problems,
    known: { selection, design },
    routes: siteRoutes({ selection, designIds: design.map((d) => d.id), providerNames: PROVIDER_NAMES, ruleIds: RULE_IDS }),
  };
}

/**
 * Findings of the record rules for one selection record file (`path` as shown to the user, `text`
 * its content), resolved against the records under `root` with this file in place of any record
 * of the same id.
 */
export function checkSelectionRecord(root: string, path: string, text: string): Finding[] {
  const { record, problems } = parseSelectionRecord(path, text);
  const others = loadRecords(root);
  const selection = record ? [...others.selection.filter((s) => s.data.id !== record.data.id), record] : others.selection;
  const slice = recordsSlice({ selection: record ? [record] : [], design: [], problems }, { selection, design: others.design });
  return runRules({ records: slice }, rulesReading(['records']));
}
