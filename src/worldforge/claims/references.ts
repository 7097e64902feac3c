/**
 * Claim references in prose: `:claim[id]` (a remark text directive) in README.md and the docs
 * pages. Parsed from the source with unified + remark-parse + remark-directive, never from
 * rendered pages, so the check does not depend on Astro's Markdown processor or its cache.
 */
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface ClaimReference {
  id: string;
  /** 1-based line in the file (frontmatter counted). */
  line: number;
}

const parser = unified().use(remarkParse).use(remarkDirective);

/** Lines taken by a leading `---` frontmatter block (remark positions start after it). */
export function frontmatterLines(text: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? match[0].split('\n').length - 1 : 0;
}

interface DirectiveNode {
  type: string;
  name?: string;
  children?: { type: string; value?: string }[];
  position?: { start: { line: number } };
}

const directiveId = (node: DirectiveNode) =>
  (node.children ?? [])
    .map((c) => c.value ?? '')
    .join('')
    .trim();

/** Every `:claim[id]` text directive in a Markdown file. */
export function findClaimReferences(text: string): ClaimReference[] {
  const offset = frontmatterLines(text);
  const body = text.split('\n').slice(offset).join('\n');
  const found: ClaimReference[] = [];
  visit(parser.parse(body), 'textDirective', (node: DirectiveNode) => {
    if (node.name === 'claim') found.push({ id: directiveId(node), line: (node.position?.start.line ?? 1) + offset });
  });
  return found;
}

export const CLAIMS_LIST_START = '<!-- worldforge:claims:start -->';
export const CLAIMS_LIST_END = '<!-- worldforge:claims:end -->';

export interface ClaimsListItem {
  line: number;
  text: string;
  claimIds: string[];
}

/**
 * The items of the marked README claims list. Each item is a README-level capability statement
 * and must cite a claim row. Returns null when the markers are missing.
 */
export function readmeClaimsList(readme: string): ClaimsListItem[] | null {
  const start = readme.indexOf(CLAIMS_LIST_START);
  const end = readme.indexOf(CLAIMS_LIST_END, start);
  if (start < 0 || end < 0) return null;
  const offset = readme.slice(0, start).split('\n').length - 1;
  const section = readme.slice(start, end);
  const items: ClaimsListItem[] = [];
  visit(parser.parse(section), 'listItem', (item: DirectiveNode & { children?: unknown[] }) => {
    const ids: string[] = [];
    visit(item as never, 'textDirective', (node: DirectiveNode) => {
      if (node.name === 'claim') ids.push(directiveId(node));
    });
    const line = (item.position?.start.line ?? 1) + offset;
    items.push({ line, text: readme.split('\n')[line - 1]?.trim() ?? '', claimIds: ids });
  });
  return items;
}
