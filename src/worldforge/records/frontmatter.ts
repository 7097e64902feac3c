/**
 * Markdown-with-frontmatter parsing that keeps positions: the leading `---` block is parsed with
 * the safe YAML reader (`safe-yaml.ts`: no alias bombs, no stack overflows, no byte-order mark),
 * so every problem can be reported as file:line, and the body's line offset is known for positions
 * inside the Markdown (remark positions count from the body, not the file).
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseYamlSafe } from '../safe-yaml.ts';

export interface ParsedMarkdown {
  /** The frontmatter as plain JSON-like data (null when there is none or it is broken). */
  data: unknown;
  /** The parsed YAML document, for locating fields. */
  doc: Document | null;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
  /** YAML syntax errors (file lines). */
  errors: { line: number; message: string }[];
  /** Maps an offset inside the frontmatter text to a 1-based file line. */
  lineOf: (offset: number) => number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** Splits the leading `---` block. Returns null frontmatter when the file does not start with one. */
export function splitFrontmatter(text: string): { yaml: string | null; body: string; bodyLine: number } {
  const open = OPEN.exec(text);
  if (!open) return { yaml: null, body: text, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { yaml: null, body: text, bodyLine: 1 };
  const yaml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const yamlLines = yaml === '' ? 0 : yaml.split('\n').length - (yaml.endsWith('\n') ? 1 : 0);
  return { yaml, body: afterClose, bodyLine: yamlLines + 3 };
}

export function parseMarkdownFile(text: string): ParsedMarkdown {
  if (text.charCodeAt(0) === 0xfeff) {
    const message = 'starts with a byte-order mark (line 1, column 1); save the file as UTF-8 without BOM';
    return { data: null, doc: null, body: text, bodyLine: 1, errors: [{ line: 1, message }], lineOf: () => 1 };
  }
  const split = splitFrontmatter(text);
  if (split.yaml === null) {
    return {
      data: null,
      doc: null,
      body: split.body,
      bodyLine: split.bodyLine,
      errors: [{ line: 1, message: 'no frontmatter: the file must start with a --- block' }],
      lineOf: () => 1,
    };
  }
  // File line = 1 (the opening ---) + line inside the YAML text.
  const yaml = parseYamlSafe(split.yaml, '(frontmatter)', 1);
  const lineOf = (offset: number) => yaml.lineCounter.linePos(offset).line + 1;
  const errors = yaml.problems.map((p) => ({ line: p.line ?? 1, message: p.reason }));
  return { data: errors.length ? null : yaml.value, doc: yaml.doc, body: split.body, bodyLine: split.bodyLine, errors, lineOf };
}

/**
 * The file line of the field at `path` (`candidates.3.decision`). When the field is missing, the
 * line of its nearest existing ancestor (the key line of a map entry, so a missing field points
 * at the object that lacks it).
 */
export function lineOfPath(parsed: ParsedMarkdown, path: readonly PropertyKey[]): number | null {
  const { doc } = parsed;
  if (!doc?.contents) return null;
  let node: unknown = doc.contents;
  let line: number | null = rangeLine(parsed, node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      line = rangeLine(parsed, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (!isNode(item)) break;
      line = rangeLine(parsed, item) ?? line;
      node = item;
    } else break;
  }
  return line;
}

function rangeLine(parsed: ParsedMarkdown, node: unknown): number | null {
  const range = isNode(node) ? (node as Node).range : null;
  return range ? parsed.lineOf(range[0]) : null;
}
