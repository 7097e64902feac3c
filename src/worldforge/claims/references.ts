/**
 * Claim references in prose. The docs pages write `:claim[id]` (a remark text directive the site
 * renders as a link to the claim's card). README.md is read on GitHub, which renders neither
 * directives nor root-relative links, so it cites a claim as a link to the file that defines it:
 * ``[`id`](content/claims/<file>.yaml)``. Both forms are parsed from the source with unified +
 * remark-parse + remark-directive, never from rendered pages, so the check does not depend on
 * Astro's Markdown processor or its cache.
 */
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import { memoText } from '../text-memo.ts';

export interface ClaimReference {
  id: string;
  /** 1-based line in the file (frontmatter counted). */
  line: number;
  /** `directive` (`:claim[id]`) or `link` (a link to the claims file defining it). */
  form: 'directive' | 'link';
  /** Link form: the repository-relative claims file the link points to. */
  target?: string;
}

/** A link to a claims file: `content/claims/<file>.yaml`, optionally with `./` and a fragment. */
const CLAIMS_FILE_LINK = /^(?:\.\/)?(content\/claims\/[a-z0-9-]+\.yaml)(?:#.*)?$/;

/** Markdown for a claim reference in README.md: the id, linked to the file that defines it. */
export const claimLinkMarkdown = (id: string, file: string) => `[\`${id}\`](${file})`;

/**
 * The Markdown parser and tree walker, loaded on the first parse (synchronously: Node.js loads
 * these ES modules through `require`), so a check whose pages are all answered by the text memo
 * never loads them.
 */
let markdown: { parser: Processor; visit: typeof import('unist-util-visit').visit } | null = null;
function loadMarkdown() {
  if (!markdown) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const parser = unified()
      .use((require('remark-parse') as typeof import('remark-parse')).default)
      .use((require('remark-directive') as typeof import('remark-directive')).default) as unknown as Processor;
    markdown = { parser, visit: (require('unist-util-visit') as typeof import('unist-util-visit')).visit };
  }
  return markdown;
}

/** Lines taken by a leading `---` frontmatter block (remark positions start after it). */
export function frontmatterLines(text: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? match[0].split('\n').length - 1 : 0;
}

interface DirectiveNode {
  type: string;
  name?: string;
  url?: string;
  children?: { type: string; value?: string }[];
  position?: { start: { line: number } };
}

const directiveId = (node: DirectiveNode) =>
  (node.children ?? [])
    .map((c) => c.value ?? '')
    .join('')
    .trim();

/** The claim reference a node makes, if any: a `:claim[id]` directive or a link to a claims file. */
function referenceOf(node: DirectiveNode, offset: number): ClaimReference | null {
  const line = (node.position?.start.line ?? 1) + offset;
  if (node.type === 'textDirective' && node.name === 'claim') return { id: directiveId(node), line, form: 'directive' };
  if (node.type === 'link') {
    const target = CLAIMS_FILE_LINK.exec(node.url ?? '')?.[1];
    if (target) return { id: directiveId(node), line, form: 'link', target };
  }
  return null;
}

/** Every claim reference (`:claim[id]` directive or link to a claims file) in a Markdown file. */
export const findClaimReferences = (text: string): ClaimReference[] => memoText('claim-references', text, parseClaimReferences);

/** The parse behind `findClaimReferences` (also run by the text-scan worker, text-scan/scans.ts). */
export function parseClaimReferences(text: string): ClaimReference[] {
  const offset = frontmatterLines(text);
  const body = text.split('\n').slice(offset).join('\n');
  const found: ClaimReference[] = [];
  const { parser, visit } = loadMarkdown();
  visit(parser.parse(body), ['textDirective', 'link'], (node: DirectiveNode) => {
    const ref = referenceOf(node, offset);
    if (ref) found.push(ref);
  });
  return found;
}

export const CLAIMS_LIST_START = '<!-- worldforge:claims:start -->';
export const CLAIMS_LIST_END = '<!-- worldforge:claims:end -->';

export interface ClaimsListItem {
  line: number;
  text: string;
  claimIds: string[];
  /** The references themselves (form, target and line of each). */
  references: ClaimReference[];
}

/**
 * The items of the marked README claims list. Each item is a README-level capability statement
 * and must cite a claim row. Returns null when the markers are missing.
 */
export const readmeClaimsList = (readme: string): ClaimsListItem[] | null => memoText('readme-claims-list', readme, parseClaimsList);

function parseClaimsList(readme: string): ClaimsListItem[] | null {
  const start = readme.indexOf(CLAIMS_LIST_START);
  const end = readme.indexOf(CLAIMS_LIST_END, start);
  if (start < 0 || end < 0) return null;
  const offset = readme.slice(0, start).split('\n').length - 1;
  const section = readme.slice(start, end);
  const items: ClaimsListItem[] = [];
  const { parser, visit } = loadMarkdown();
  visit(parser.parse(section), 'listItem', (item: DirectiveNode & { children?: unknown[] }) => {
    const references: ClaimReference[] = [];
    visit(item as never, ['textDirective', 'link'], (node: DirectiveNode) => {
      const ref = referenceOf(node, offset);
      if (ref) references.push(ref);
    });
    const line = (item.position?.start.line ?? 1) + offset;
    items.push({ line, text: readme.split('\n')[line - 1]?.trim() ?? '', claimIds: references.map((r) => r.id), references });
  });
  return items;
}
