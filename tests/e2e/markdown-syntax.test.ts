/**
 * No built page shows Markdown syntax as text: every authored or generated string with `code`
 * spans goes through InlineText.astro, and claim references are rendered, not printed. Also
 * catches words glued to inline code or links ("and`npm run check`", "asdesign-records/<id>"),
 * which is how lost whitespace shows. Scans every page of dist/ (no browser needed).
 */
import { describe, expect, it } from 'vitest';
import { builtPages, proseMarkup, proseText } from './dist.ts';

/** Markdown that must never appear in prose outside code, with how to recognise it. */
const MARKDOWN_SYNTAX: { name: string; pattern: RegExp }[] = [
  { name: 'backtick', pattern: /`/ },
  { name: 'bold', pattern: /\*\*[^\s*]/ },
  { name: 'claim directive', pattern: /:claim\[/ },
  { name: 'link', pattern: /\]\((?:https?:|\/|\.|#)[^)\s]*\)/ },
];

/** A letter or digit touching an inline code or link element with no space between them. */
const GLUED = /[A-Za-z0-9](?=<(?:code|a)\b)|<\/(?:code|a)>(?=[A-Za-z0-9])/g;

const pages = builtPages();

describe('page text', () => {
  it('covers every built page', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('has no Markdown syntax outside code', () => {
    const found = pages.flatMap(({ path, html }) => {
      const text = proseText(html);
      return MARKDOWN_SYNTAX.flatMap(({ name, pattern }) => {
        const match = pattern.exec(text);
        return match ? [`${path}: ${name} in “…${text.slice(Math.max(0, match.index - 30), match.index + 30)}…”`] : [];
      });
    });
    expect(found).toEqual([]);
  });

  it('never glues a word to inline code or a link', () => {
    const found = pages.flatMap(({ path, html }) => {
      const markup = proseMarkup(html);
      return [...markup.matchAll(GLUED)].map((m) => `${path}: “…${markup.slice(Math.max(0, m.index - 40), m.index + 40)}…”`);
    });
    expect(found).toEqual([]);
  });
});
