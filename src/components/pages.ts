/** Shapes every page with one page per collection entry shares. */

/**
 * `getStaticPaths` entries for one page per entry: the route parameter `param` is `key(entry)` and
 * the page receives the entry as `Astro.props.entry`. Pages pass their sorted, uniqueness-checked
 * entries (e.g. `fixturesEntries()`), so a duplicate key fails the build instead of a page winning.
 */
export function staticPathsFor<Entry, Param extends string>(entries: readonly Entry[], param: Param, key: (entry: Entry) => string) {
  return entries.map((entry) => ({ params: { [param]: key(entry) } as Record<Param, string>, props: { entry } }));
}

/** One item of an inline list (`Joined.astro`): its text, rendered as `code` or linked when asked. */
export interface JoinedItem {
  text: string;
  /** Link target; none or null: plain text. */
  href?: string | null;
  /** Render as `code` (default: the list's `code` setting). */
  code?: boolean;
}
