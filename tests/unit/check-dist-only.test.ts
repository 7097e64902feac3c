import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
afterEach(() => repo?.remove());

describe('worldforge check --dist-only (the pass after astro build)', () => {
  it('scans the built site with every secret scanner, and only the built site', async () => {
    repo = copyRepo();
    mkdirSync(join(repo.root, 'dist', 'page'), { recursive: true });
    repo.write('dist/page/index.html', '<p>A page that is safe to publish.</p>\n');
    const clean = await repo.run('check', '--dist-only');
    expect(clean.stdout).toMatch(/worldforge check: ok, no findings/);
    expect(clean.code).toBe(0);

    // A leak only secretlint knows (a Slack webhook), and one only the project's detectors know.
    repo.write(
      'dist/page/index.html',
      '<p>A page.</p>\n<p>https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx</p>\n<p>see /home/alice/notes.txt</p>\n',
    );
    const leaked = await repo.run('check', '--dist-only');
    expect(leaked.code).toBe(1);
    expect(leaked.stdout).toMatch(/secret-scan\s+dist\/page\/index\.html:2/);
    expect(leaked.stdout).toMatch(/secret-scan\s+dist\/page\/index\.html:3/);
    expect(leaked.stdout).not.toMatch(/crashed/);
    expect(leaked.stdout).not.toContain('abcdefghijklmnopqrstuvwx');
  });
});
