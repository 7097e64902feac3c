/**
 * README.md reads well on GitHub: no raw `:claim[id]` markers, no root-relative (site) links, and
 * every repository-relative link points at a file that exists. The readme-* check rules keep the
 * claims list and the provider table checked in this form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findClaimReferences } from '../../src/worldforge/claims/references.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Targets of inline Markdown links outside code spans and fences. */
const links = [
  ...readme
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .matchAll(/\]\(([^)\s]+)\)/g),
].map((m) => m[1]!);

describe('README on GitHub', () => {
  it('cites claims as links to their claims files, never as raw directives', () => {
    const refs = findClaimReferences(readme);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => r.form === 'directive')).toEqual([]);
  });

  it('has no root-relative links, and every relative link resolves to a file in the repository', () => {
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => l.startsWith('/'))).toEqual([]);
    const relative = links.filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#')).map((l) => l.split('#')[0]!);
    expect(relative.filter((l) => !existsSync(join(ROOT, l)))).toEqual([]);
  });
});
