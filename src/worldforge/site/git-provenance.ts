/**
 * What git says about the checkout the site is built from: the commit and date of HEAD, the last
 * commit that changed `evidence/`, whether evidence has uncommitted changes, and the last commit
 * date of every file under `evidence/` and `content/` (the age of a claim's backing evidence).
 *
 * Read at build time and shown on pages only: evidence files stay free of dates (they are
 * byte-diffed), and staleness checks never use git dates (shallow CI clones lie about them; in a
 * shallow clone these dates are those of the oldest commit fetched, which the page says as "as of").
 * Without git (a tarball, no `git` binary) every value is null and pages say so.
 */
import { execFileSync } from 'node:child_process';

export interface CommitStamp {
  /** Full commit hash. */
  commit: string;
  /** Committer date, ISO 8601 with offset. */
  date: string;
}

export interface GitProvenance {
  /** HEAD of the checkout the site was built from. */
  head: CommitStamp | null;
  /** The last commit that changed `evidence/`. */
  evidence: CommitStamp | null;
  /** `evidence/` differs from HEAD (the build used evidence not yet committed). */
  evidenceDirty: boolean;
  /** Last commit date (ISO) of each repository-relative file under evidence/ and content/. */
  fileDates: ReadonlyMap<string, string>;
}

/** Folders whose files back claims; their per-file dates come from one `git log` pass. */
const TRACKED = ['evidence', 'content'];

const NO_GIT: GitProvenance = Object.freeze({ head: null, evidence: null, evidenceDirty: false, fileDates: new Map() });

function git(root: string, args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
}

function stamp(output: string | null): CommitStamp | null {
  const [commit, date] = (output ?? '').trim().split('\t');
  return commit && date ? { commit, date } : null;
}

/** Parses `git log --format=%x00%cI --name-only`: newest first, so a file's first date is its last change. */
export function parseFileDates(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const block of log.split('\0').filter(Boolean)) {
    const [date, ...files] = block.split('\n').filter((line) => line.trim() !== '');
    if (!date) continue;
    for (const file of files) if (!dates.has(file)) dates.set(file, date.trim());
  }
  return dates;
}

const cache = new Map<string, GitProvenance>();

/** Git provenance of the checkout at `root` (memoized per root: pages ask for it once each). */
export function gitProvenance(root: string): GitProvenance {
  const cached = cache.get(root);
  if (cached) return cached;
  const head = stamp(git(root, ['log', '-1', '--format=%H%x09%cI']));
  const result: GitProvenance = head
    ? {
        head,
        evidence: stamp(git(root, ['log', '-1', '--format=%H%x09%cI', '--', 'evidence'])),
        evidenceDirty: (git(root, ['status', '--porcelain', '--', 'evidence']) ?? '').trim() !== '',
        fileDates: parseFileDates(git(root, ['log', '--format=%x00%cI', '--name-only', '--', ...TRACKED]) ?? ''),
      }
    : NO_GIT;
  cache.set(root, result);
  return result;
}

/** Whole days from `then` to `now` (never negative). */
export const daysBetween = (then: string | Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - new Date(then).getTime()) / 86_400_000));

/** `today`, `1 day old`, `12 days old`. */
export const ageInWords = (days: number) => (days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} old`);
