/**
 * The releases "suite" is frozen: a release file is written once by `worldforge release evidence`
 * and only re-read here, so `evidence generate` keeps it byte for byte, the index lists it and the
 * check re-validates it (schema and body digest) without ever recomputing what it froze.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../evidence/suite/repo.ts';
import type { SuiteSubject } from '../define.ts';
import { SEMVER_PATTERN } from './schema.ts';
import { strictJsonValue } from '../../strict-json.ts';

export const RELEASES_DIR = 'evidence/releases';

/** Versions with a committed release file, in file-name order. */
export function releaseVersions(root = repoPath(RELEASES_DIR)): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.endsWith('.json') && SEMVER_PATTERN.test(name.slice(0, -5)))
    .map((name) => name.slice(0, -5))
    .sort();
}

/** One subject per committed release file; building it reads the frozen file back. */
export const subjects = (): SuiteSubject[] =>
  releaseVersions().map((version) => ({
    name: version,
    build: async () =>
      strictJsonValue(readFileSync(join(repoPath(RELEASES_DIR), `${version}.json`), 'utf8'), `${RELEASES_DIR}/${version}.json`),
  }));
