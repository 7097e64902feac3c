/**
 * Field helpers shared by the selection and design record schemas, and `isConcrete`, the test the
 * record rules (and the `selection new` prompts) apply to blockers and revisit triggers.
 */
import { z } from 'zod';

export const RECORD_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A stable, file-name-safe id (lower-case letters, digits, dashes). */
export const recordId = () => z.string().regex(RECORD_ID, { message: 'lower-case letters, digits and dashes only' });

/** Prose that must say something: trimmed, at least `min` characters. */
export const prose = (min = 10) =>
  z
    .string()
    .trim()
    .min(min, { message: `write at least ${min} characters` });

/** True when `YYYY-MM-DD` names a real day (2026-02-30 and 2026-13-01 do not). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A `YYYY-MM-DD` calendar date kept as text. Astro's frontmatter parser (js-yaml) turns an
 * unquoted date into a Date while `yaml`'s core schema keeps it a string; both become the same
 * string here so the site build and the CLI agree on one schema.
 */
export const isoDate = () =>
  z.preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
      .refine(isCalendarDate, { message: 'not a calendar date' }),
  );

/** Words that mark a placeholder, not a decision input. */
const PLACEHOLDER = /^(tbd|todo|tba|n\/?a|none|unknown|later|\?+|-+|\.\.\.)$/i;

/** True when `text` is a concrete statement: present, not a placeholder, at least 20 characters. */
export const isConcrete = (text: string | undefined): text is string =>
  typeof text === 'string' && text.trim().length >= 20 && !PLACEHOLDER.test(text.trim());
