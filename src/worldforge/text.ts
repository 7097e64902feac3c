/**
 * Small English phrasing helpers for messages and pages, so counts and lists read the same in
 * findings, CLI errors and the site.
 */

/** `1 suite`, `3 suites`; pass `plural` for irregular nouns (`gallery` → `galleries`). */
export const countOf = (count: number, singular: string, plural = `${singular}s`) => `${count} ${count === 1 ? singular : plural}`;

/** `a`, `a and b`, `a, b and c`. */
export const inWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
