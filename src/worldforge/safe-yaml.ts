/**
 * `parseYamlSafe`: the one YAML reader for authored data (claim rows, known gaps, record
 * frontmatter). YAML can expand a few lines into gigabytes through aliases (the "billion laughs"),
 * nest until the parser overflows its stack, and hide a byte-order mark before `---`. This reader
 * refuses each with a problem naming file, line and column, and never throws: a syntax error is
 * reported where `yaml` found it, an alias bomb by `yaml`'s own `maxAliasCount` guard, nesting
 * deeper than `MAX_YAML_DEPTH` (flow brackets before parsing, block indentation on the parsed tree,
 * so the bound never depends on how much stack the parser had). Duplicate keys are errors
 * (`uniqueKeys`).
 */
import { type Document, isCollection, isPair, LineCounter, parseDocument } from 'yaml';
import type { Problem } from './problem.ts';
import { MAX_JSON_DEPTH, positionOf, tooDeepAt } from './strict-json.ts';

/** Deepest nesting accepted, flow or block (the same bound as JSON inputs). */
export const MAX_YAML_DEPTH = MAX_JSON_DEPTH;
/** Aliases a document may expand (yaml's default is 100; authored data needs none). */
export const MAX_ALIAS_COUNT = 50;

export interface SafeYaml {
  /** The parsed document (positions for findings), or null when it was refused before parsing. */
  doc: Document | null;
  lineCounter: LineCounter;
  /** The plain data, or undefined when there are problems. */
  value: unknown;
  problems: Problem[];
}

/** A YAML problem at `offset` of `text`, reported at `lineOffset` lines below the text's first line. */
function problemAt(file: string, text: string, offset: number, reason: string, lineOffset: number): Problem {
  const { line, column } = positionOf(text, offset);
  return { file, line: line + lineOffset, column, field: '(yaml)', reason: `${reason} (line ${line + lineOffset}, column ${column})` };
}

/**
 * Parses `text` of `file`. `lineOffset` is added to reported lines (frontmatter starts below the
 * opening `---`).
 */
export function parseYamlSafe(text: string, file: string, lineOffset = 0): SafeYaml {
  const lineCounter = new LineCounter();
  const refused = (offset: number, reason: string): SafeYaml => ({
    doc: null,
    lineCounter,
    value: undefined,
    problems: [problemAt(file, text, offset, reason, lineOffset)],
  });
  if (text.charCodeAt(0) === 0xfeff) return refused(0, 'starts with a byte-order mark; save the file as UTF-8 without BOM');
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep !== -1) return refused(deep, `nested deeper than ${MAX_YAML_DEPTH} levels`);
  let doc: Document;
  try {
    // The core schema (YAML 1.2) keeps `2026-11-26` a string; dates are authored text, not instants.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return refused(0, `cannot be parsed: ${(error as Error).message.split('\n')[0]}`);
  }
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) return refused(overflow.pos[0], `nested too deeply to parse (the parser ran out of stack here); flatten the data`);
  const tooDeep = deeperThan(doc, MAX_YAML_DEPTH);
  if (tooDeep !== null) return refused(tooDeep, `nested too deeply: more than ${MAX_YAML_DEPTH} levels; flatten the data`);
  if (doc.errors.length) {
    return {
      doc,
      lineCounter,
      value: undefined,
      problems: doc.errors.map((e) =>
        problemAt(file, text, e.pos[0], `YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, lineOffset),
      ),
    };
  }
  try {
    return { doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems: [] };
  } catch (error) {
    const reason =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `aliases expand too far (more than ${MAX_ALIAS_COUNT}): refused as a resource-exhaustion attack; write the values out`
        : `cannot be read: ${(error as Error).message.split('\n')[0]}`;
    return { doc, lineCounter, value: undefined, problems: [problemAt(file, text, 0, reason, lineOffset)] };
  }
}

/**
 * The offset of the first collection nested deeper than `max` in the parsed tree, or null. A walk
 * with its own stack: block nesting the parser could follow is bounded here, whatever the
 * readers after it (schemas, scanners) could follow.
 */
function deeperThan(doc: Document, max: number): number | null {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth + 1 > max) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return null;
}
