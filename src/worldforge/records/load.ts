/**
 * Reads selection and design records from `content/` and applies every record rule: the schema
 * (with its rule refinements), file-name ids, cross-record references and body links. Shared by
 * `npm run check` (all records) and `worldforge selection check <file>` (one file, same rules).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RULE_IDS, type RuleId } from '../checks/rules.ts';
import { PROVIDER_NAMES } from '../providers/catalog.ts';
import { designRecordSchema, designRecordShape, type DesignRecord } from './design.ts';
import { parseMarkdownFile, lineOfPath, type ParsedMarkdown } from './frontmatter.ts';
import { bodyLinks, linkProblems, siteRoutes, type BodyLink, type RouteTable } from './links.ts';
import { byPosition, problemsFromZod, type RecordProblem } from './problems.ts';
import { SELECTION_ROUTES } from './rubric.ts';
import { selectionRecordSchema, selectionRecordShape, type SelectionRecord } from './selection.ts';

export const SELECTION_DIR = 'content/selection-records';
export const DESIGN_DIR = 'content/design-records';

export interface LoadedRecord<T> {
  /** Path as given (repository-relative for the check). */
  path: string;
  data: T;
  parsed: ParsedMarkdown;
  links: BodyLink[];
}

interface Kind<T> {
  schemaRule: RuleId;
  parse: (data: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError };
  /** The structure alone: when only rule refinements fail, the record still takes part in link checks. */
  shape: (data: unknown) => { success: true; data: T } | { success: false };
}

const SELECTION: Kind<SelectionRecord> = {
  schemaRule: 'selection-schema',
  parse: (d) => selectionRecordSchema().safeParse(d),
  shape: (d) => selectionRecordShape().safeParse(d),
};
const DESIGN: Kind<DesignRecord> = {
  schemaRule: 'design-record-schema',
  parse: (d) => designRecordSchema().safeParse(d),
  shape: (d) => designRecordShape().safeParse(d),
};

/** Parses one record file: frontmatter syntax, schema and rule refinements, id = file name. */
function parseRecord<T extends { id: string }>(
  kind: Kind<T>,
  path: string,
  text: string,
): { record?: LoadedRecord<T>; problems: RecordProblem[] } {
  const parsed = parseMarkdownFile(text);
  if (parsed.errors.length) {
    return {
      problems: parsed.errors.map((e) => ({
        rule: kind.schemaRule,
        file: path,
        line: e.line,
        field: '(frontmatter)',
        expected: 'valid YAML between two --- lines',
        found: e.message,
        hint: 'fix the YAML syntax (indentation, quoting of values containing `: `)',
      })),
    };
  }
  const result = kind.parse(parsed.data);
  const problems = result.success ? [] : problemsFromZod(result.error, parsed.data, path, parsed, kind.schemaRule);
  const data = result.success
    ? result.data
    : (() => {
        const shape = kind.shape(parsed.data);
        return shape.success ? shape.data : null;
      })();
  if (data === null) return { problems };
  const stem = basename(path).replace(/\.md$/, '');
  if (data.id !== stem) {
    problems.push({
      rule: kind.schemaRule,
      file: path,
      line: lineOfPath(parsed, ['id']),
      field: 'id',
      expected: `'${stem}' (the file name without .md)`,
      found: `'${data.id}'`,
      hint: 'rename the file or change `id:`; claims cite records by id, so ids must be stable and match the file',
    });
  }
  return { record: { path, data, parsed, links: bodyLinks(parsed.body, parsed.bodyLine) }, problems };
}

export const parseSelectionRecord = (path: string, text: string) => parseRecord(SELECTION, path, text);
export const parseDesignRecord = (path: string, text: string) => parseRecord(DESIGN, path, text);

function readDir(root: string, dir: string): { path: string; text: string }[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `${dir}/${name}`, text: readFileSync(join(full, name), 'utf8') }));
}

export interface RecordSet {
  selection: LoadedRecord<SelectionRecord>[];
  design: LoadedRecord<DesignRecord>[];
  problems: RecordProblem[];
}

/** Cross-record rules of selection records: design_record references and body links. */
function selectionCrossProblems(
  selection: readonly LoadedRecord<SelectionRecord>[],
  design: readonly LoadedRecord<DesignRecord>[],
  routes: RouteTable,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const designIds = new Set(design.map((d) => d.data.id));
  for (const record of selection) {
    record.data.candidates.forEach((c, i) => {
      if (c.design_record && !designIds.has(c.design_record)) {
        problems.push({
          rule: 'selection-links',
          file: record.path,
          line: lineOfPath(record.parsed, ['candidates', i, 'design_record']),
          field: `candidates.${i}.design_record`,
          expected: `the id of a file in ${DESIGN_DIR}/`,
          found: `'${c.design_record}' does not exist`,
          hint: `known design records: ${[...designIds].join(', ') || 'none'}`,
        });
      }
    });
    problems.push(
      ...linkProblems(
        record.path,
        record.links,
        routes,
        'selection-links',
        [
          { path: SELECTION_ROUTES.rubric, label: 'rubric' },
          { path: SELECTION_ROUTES.promotionRules, label: 'promotion rules' },
        ],
        record.parsed.bodyLine,
      ),
    );
  }
  return problems;
}

/** Cross-record rules of design records: `selection` references and body links. */
function designCrossProblems(
  selection: readonly LoadedRecord<SelectionRecord>[],
  design: readonly LoadedRecord<DesignRecord>[],
  routes: RouteTable,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const record of design) {
    const ref = record.data.selection;
    if (ref) {
      const [recordId, candidateId] = ref.split('#');
      const target = selection.find((s) => s.data.id === recordId);
      if (!target?.data.candidates.some((c) => c.id === candidateId)) {
        problems.push({
          rule: 'design-record-links',
          file: record.path,
          line: lineOfPath(record.parsed, ['selection']),
          field: 'selection',
          expected: 'an existing <selection record>#<candidate>',
          found: target ? `record '${recordId}' has no candidate '${candidateId}'` : `no selection record '${recordId}'`,
          hint: `selection records: ${selection.map((s) => s.data.id).join(', ') || 'none'}`,
        });
      }
    }
    problems.push(...linkProblems(record.path, record.links, routes, 'design-record-links'));
  }
  return problems;
}

function routesFor(selection: readonly LoadedRecord<SelectionRecord>[], design: readonly LoadedRecord<DesignRecord>[]): RouteTable {
  return siteRoutes({
    selection: selection.map((s) => s.data),
    designIds: design.map((d) => d.data.id),
    providerNames: PROVIDER_NAMES,
    ruleIds: RULE_IDS,
  });
}

/** Every record under `root`/content with all problems, sorted by file and line. */
export function loadRecords(root: string): RecordSet {
  const problems: RecordProblem[] = [];
  const load = <T extends { id: string }>(
    dir: string,
    parse: (path: string, text: string) => { record?: LoadedRecord<T>; problems: RecordProblem[] },
  ) =>
    readDir(root, dir).flatMap(({ path, text }) => {
      const result = parse(path, text);
      problems.push(...result.problems);
      return result.record ? [result.record] : [];
    });
  const selection = load(SELECTION_DIR, parseSelectionRecord);
  const design = load(DESIGN_DIR, parseDesignRecord);
  const routes = routesFor(selection, design);
  problems.push(...selectionCrossProblems(selection, design, routes), ...designCrossProblems(selection, design, routes));
  return { selection, design, problems: problems.sort(byPosition) };
}

/**
 * Problems of one selection record file, with the same rules as `npm run check`: the other
 * records under `root` provide the design records and routes it may reference.
 */
export function checkSelectionFile(root: string, path: string, text: string): RecordProblem[] {
  const result = parseSelectionRecord(path, text);
  if (!result.record) return result.problems.sort(byPosition);
  const others = loadRecords(root);
  const selection = [...others.selection.filter((s) => s.data.id !== result.record!.data.id), result.record];
  const cross = selectionCrossProblems([result.record], others.design, routesFor(selection, others.design));
  return [...result.problems, ...cross].sort(byPosition);
}
