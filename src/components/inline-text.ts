/**
 * Authored and generated strings (claim statements, class meanings, record fields, triage steps,
 * rule texts) mark identifiers and commands with `code` spans, the only inline Markdown they use.
 * Pages render such strings through `InlineText.astro`, which uses these segments, so no page
 * prints literal backticks.
 */
export type InlineSegment = { code: string } | { text: string };

/** Splits text into plain and `code` segments; an unpaired backtick stays plain text. */
export const inlineSegments = (text: string): InlineSegment[] =>
  text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? { code: part.slice(1, -1) } : { text: part }));
