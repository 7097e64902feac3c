/** The site's public URL and source links come from the environment, validated, with no default. */
import { afterEach, describe, expect, it } from 'vitest';
import { siteUrl } from '../../src/worldforge/site/site-url.ts';
import { editUrlBase, repositoryUrl } from '../../src/worldforge/site/source-links.ts';

const NAMES = ['WORLDFORGE_SITE_URL', 'WORLDFORGE_REPO_URL', 'WORLDFORGE_EDIT_URL'] as const;
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

describe('siteUrl', () => {
  it('is null when unset or blank, the normalised URL when set', () => {
    delete process.env.WORLDFORGE_SITE_URL;
    expect(siteUrl()).toBeNull();
    process.env.WORLDFORGE_SITE_URL = '  ';
    expect(siteUrl()).toBeNull();
    process.env.WORLDFORGE_SITE_URL = 'https://docs.example.org';
    expect(siteUrl()).toBe('https://docs.example.org/');
  });

  it('refuses a value that is not an absolute http(s) URL, naming the variable', () => {
    process.env.WORLDFORGE_SITE_URL = 'docs.example.org';
    expect(() => siteUrl()).toThrow(/WORLDFORGE_SITE_URL/);
    process.env.WORLDFORGE_SITE_URL = 'ftp://docs.example.org/';
    expect(() => siteUrl()).toThrow(/http/);
  });
});

describe('source links', () => {
  it('derive edit links from the repository unless an edit base is given', () => {
    delete process.env.WORLDFORGE_REPO_URL;
    delete process.env.WORLDFORGE_EDIT_URL;
    expect(repositoryUrl()).toBeUndefined();
    expect(editUrlBase()).toBeUndefined();
    process.env.WORLDFORGE_REPO_URL = 'https://github.com/owner/worldforge/';
    expect(repositoryUrl()).toBe('https://github.com/owner/worldforge');
    expect(editUrlBase()).toBe('https://github.com/owner/worldforge/edit/main/');
    process.env.WORLDFORGE_EDIT_URL = 'https://git.example.org/wf/-/edit/trunk';
    expect(editUrlBase()).toBe('https://git.example.org/wf/-/edit/trunk/');
    process.env.WORLDFORGE_REPO_URL = 'not a url';
    expect(() => repositoryUrl()).toThrow(/WORLDFORGE_REPO_URL/);
  });
});
