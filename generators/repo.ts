/** Repository paths for generators and scripts; the suites' own copy lives next to them (re-exported here). */
export { REPO_ROOT, repoPath, WORLDFORGE_VERSION } from '../src/worldforge/evidence/suite/repo.ts';
