/**
 * Reads selection and design records from `content/`: frontmatter syntax, the structural schema
 * and id = file name. Every other record rule (cross-field, cross-record, links) is a check rule
 * over the records loaded here, shared by `npm run check` (all records) and
 * `worldforge selection check <file>` (one file).
 */
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { RuleId } from '../checks/rules.ts';
import { readMarkdownEntries } from '../evidence/read.ts';
import { byPosition } from '../problem.ts';
import { type DesignRecord, designRecordSchema } from './design.ts';
import { lineOfPath, type ParsedMarkdown, parseMarkdownFile } from './frontmatter.ts';
import { type BodyLink, bodyLinks } from './links.ts';
import { problemsFromZod, type RecordProblem } from './problems.ts';
import { type SelectionRecord, selectionRecordSchema } from './selection.ts';

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
  schema: () => z.ZodType<T, unknown>;
}

const SELECTION: Kind<SelectionRecord> = { schemaRule: 'selection-schema', schema: selectionRecordSchema };
const DESIGN: Kind<DesignRecord> = { schemaRule: 'design-record-schema', schema: designRecordSchema };

export interface ParsedRecord<T> {
  /** The record, when its frontmatter has the right structure (its id may still differ from the file name). */
  record?: LoadedRecord<T>;
  /** Structural problems, tagged with the kind's schema rule. */
  problems: RecordProblem[];
}

/** Parses one record file: frontmatter syntax, structure, id = file name. */
function parseRecord<T extends { id: string }>(kind: Kind<T>, path: string, text: string): ParsedRecord<T> {
  const parsed = parseMarkdownFile(text);
  if (parsed.errors.length) {
    return {
      problems: parsed.errors.map((e) => ({
        rule: kind.schemaRule,
        file: path,
        line: e.line,
        field: '(frontmatter)',
        expected: 'valid YAML between two --- lines',
        reason: e.message,
        hint: 'fix the YAML syntax (indentation, quoting of values containing `: `)',
      })),
    };
  }
  const result = kind.schema().safeParse(parsed.data);
  if (!result.success) return { problems: problemsFromZod(result.error, parsed.data, path, parsed, kind.schemaRule) };
  const data = result.data;
  const problems: RecordProblem[] = [];
  const stem = basename(path).replace(/\.md$/, '');
  if (data.id !== stem) {
    problems.push({
      rule: kind.schemaRule,
      file: path,
      line: lineOfPath(parsed, ['id']),
      field: 'id',
      expected: `'${stem}' (the file name without .md)`,
      reason: `'${data.id}'`,
      hint: 'rename the file or change `id:`; claims cite records by id, so ids must be stable and match the file',
    });
  }
  return { record: { path, data, parsed, links: bodyLinks(parsed.body, parsed.bodyLine) }, problems };
}

export const parseSelectionRecord = (path: string, text: string) => parseRecord(SELECTION, path, text);
export const parseDesignRecord = (path: string, text: string) => parseRecord(DESIGN, path, text);

/** The record files of `dir`; an entry named `*.md` that is not a regular file is a problem of the kind's schema rule, never read. */
function readDir(root: string, dir: string, kind: Kind<unknown>): { files: { path: string; text: string }[]; problems: RecordProblem[] } {
  const { files, refused } = readMarkdownEntries(join(root, dir));
  return {
    files: files.map(({ name, text }) => ({ path: `${dir}/${name}`, text })),
    problems: refused.map(({ name, reason }) => ({
      rule: kind.schemaRule,
      file: `${dir}/${name}`,
      line: null,
      field: '(file)',
      expected: 'a Markdown file',
      reason,
      hint: 'remove it, or replace it with a regular Markdown file (symlinks are never followed)',
    })),
  };
}

export interface RecordSet {
  selection: LoadedRecord<SelectionRecord>[];
  design: LoadedRecord<DesignRecord>[];
  /** Structural problems, sorted by file and line. */
  problems: RecordProblem[];
}

/** Every record under `root`/content with its structural problems. */
export function loadRecords(root: string): RecordSet {
  const problems: RecordProblem[] = [];
  const load = <T>(dir: string, kind: Kind<unknown>, parse: (path: string, text: string) => ParsedRecord<T>) => {
    const { files, problems: refused } = readDir(root, dir, kind);
    problems.push(...refused);
    return files.flatMap(({ path, text }) => {
      const result = parse(path, text);
      problems.push(...result.problems);
      return result.record ? [result.record] : [];
    });
  };
  const selection = load(SELECTION_DIR, SELECTION, parseSelectionRecord);
  const design = load(DESIGN_DIR, DESIGN, parseDesignRecord);
  return { selection, design, problems: problems.sort(byPosition) };
}
