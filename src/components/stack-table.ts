/**
 * The one responsive pattern for wide tables: on narrow screens (≤ 40rem) a `.wf-stack` table
 * turns each row into a card whose cells are prefixed with their column name (CSS in
 * evidence.css reads `data-col`). `labelCells` writes those names from the table's own header row
 * into the rendered HTML, so no page repeats its column list; the MarkdownContent override applies
 * it to every page body. Row header cells (`<th scope="row">`) stay unlabelled: they title the card.
 * Tables without a header row (key/value tables, `.wf-kv`) are left alone: they stack by their own CSS.
 */

/** The text of an HTML fragment: tags removed, the entities Astro writes decoded, spaces collapsed. */
const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Header texts of the table's first header row (`<thead>`), expanded by colspan. */
function headerTexts(table: string): string[] {
  const thead = /<thead\b[\s\S]*?<\/thead>/i.exec(table)?.[0] ?? '';
  const row = /<tr\b[\s\S]*?<\/tr>/i.exec(thead)?.[0] ?? '';
  return [...row.matchAll(/<th\b([^>]*)>([\s\S]*?)<\/th>/gi)].flatMap((m) => {
    const span = Number(/colspan="(\d+)"/.exec(m[1]!)?.[1] ?? 1);
    return Array.from({ length: span }, () => stripTags(m[2]!));
  });
}

/** Adds `data-col` to each body cell (from the header of its column), the `wf-stack` class and `tabindex="0"` to the table. */
export function labelCells(html: string): string {
  return html.replace(/<table\b([^>]*)>([\s\S]*?)<\/table>/gi, (_table, attrs: string, inner: string) => {
    const headers = headerTexts(inner);
    if (headers.length === 0) return `<table${attrs}>${inner}</table>`;
    const classed = /\sclass="/.test(attrs)
      ? attrs.replace(/\sclass="([^"]*)"/, (m, cls: string) => (cls.split(/\s+/).includes('wf-stack') ? m : ` class="${cls} wf-stack"`))
      : `${attrs} class="wf-stack"`;
    const body = inner.replace(/<(tbody|tfoot)\b[\s\S]*?<\/\1>/gi, (section) =>
      section.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/gi, (row) => {
        let column = 0;
        return row.replace(/<(td|th)\b([^>]*)>/gi, (cell, tag: string, cellAttrs: string) => {
          const index = column;
          column += Number(/colspan="(\d+)"/.exec(cellAttrs)?.[1] ?? 1);
          const header = headers[index];
          if (tag.toLowerCase() === 'th' || !header || /\sdata-col=/.test(cellAttrs)) return cell;
          return `<${tag}${cellAttrs} data-col="${escapeAttribute(header)}">`;
        });
      }),
    );
    // Starlight lets content tables scroll sideways when they are wider than the column: such a
    // region must be reachable from the keyboard (axe: scrollable-region-focusable).
    const focusable = /\stabindex=/.test(classed) ? classed : `${classed} tabindex="0"`;
    return `<table${focusable}>${body}</table>`;
  });
}

/** Code blocks scroll sideways when a line is long: each `<pre>` becomes keyboard-focusable too. */
export const focusablePre = (html: string) => html.replace(/<pre\b(?![^>]*\stabindex=)/g, '<pre tabindex="0"');
