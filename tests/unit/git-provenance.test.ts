/** Build provenance from git: parsed from one log pass, and absent (not invented) without git. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageInWords, daysBetween, gitProvenance, parseFileDates } from '../../src/worldforge/site/git-provenance.ts';

describe('parseFileDates', () => {
  it('keeps the newest date of each file (git log lists newest first)', () => {
    const log =
      '\x002026-11-30T10:00:00+00:00\n\nevidence/a.json\ncontent/b.md\n\x002026-11-01T10:00:00+00:00\n\nevidence/a.json\nevidence/c.json\n';
    expect([...parseFileDates(log)]).toEqual([
      ['evidence/a.json', '2026-11-30T10:00:00+00:00'],
      ['content/b.md', '2026-11-30T10:00:00+00:00'],
      ['evidence/c.json', '2026-11-01T10:00:00+00:00'],
    ]);
  });
});

describe('gitProvenance', () => {
  it('is all null outside a git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-nogit-'));
    try {
      const p = gitProvenance(dir);
      expect(p.head).toBeNull();
      expect(p.evidence).toBeNull();
      expect(p.fileDates.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the evidence commit, per-file dates and uncommitted evidence of a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-git-'));
    const run = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-20T12:00:00+00:00', GIT_AUTHOR_DATE: '2026-11-20T12:00:00+00:00' },
      });
    try {
      run('init', '-q');
      mkdirSync(join(dir, 'evidence'));
      writeFileSync(join(dir, 'evidence', 'a.json'), '{}\n');
      run('add', '.');
      run('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'evidence');
      writeFileSync(join(dir, 'evidence', 'a.json'), '{"changed":true}\n');
      const p = gitProvenance(dir);
      expect(p.head?.date).toBe('2026-11-20T12:00:00+00:00');
      expect(p.evidence?.commit).toBe(p.head?.commit);
      expect(p.evidenceDirty).toBe(true);
      expect(p.fileDates.get('evidence/a.json')).toBe('2026-11-20T12:00:00+00:00');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ages', () => {
  it('counts whole days and says them in words', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    expect(daysBetween('2026-12-01T00:00:00Z', now)).toBe(0);
    expect(daysBetween('2026-11-30T00:00:00Z', now)).toBe(1);
    expect(daysBetween('2026-12-05T00:00:00Z', now)).toBe(0);
    expect([0, 1, 12].map(ageInWords)).toEqual(['today', '1 day old', '12 days old']);
  });
});
