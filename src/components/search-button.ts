/**
 * Starlight's search button names itself with `aria-label` while showing "Search" and the
 * shortcut keys, so its accessible name does not contain its visible text (axe:
 * label-content-name-mismatch). This rewrite lets the visible "Search" name the button: the
 * `aria-label` goes, the label span is no longer `aria-hidden` (on small screens it is visually
 * hidden instead of removed, so the button keeps its name), and the shortcut keys are hidden from
 * assistive technology (`aria-keyshortcuts` already announces them).
 */
export function accessibleSearchButton(html: string): string {
  return html.replace(/<button data-open-modal([^>]*)>([\s\S]*?)<\/button>/, (_m, attrs: string, inner: string) => {
    const label = /<span class="sl-hidden md:sl-block([^"]*)" aria-hidden="true">/;
    if (!/\saria-label="[^"]*"/.test(attrs) || !label.test(inner)) {
      throw new Error('Starlight search button markup changed: update src/components/search-button.ts');
    }
    const body = inner.replace(label, '<span class="wf-search-label$1">').replace(/<kbd class="/, '<kbd aria-hidden="true" class="');
    return `<button data-open-modal${attrs.replace(/\saria-label="[^"]*"/, '')}>${body}</button>`;
  });
}
