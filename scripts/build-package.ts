/**
 * `prepack`: builds the installable package into dist-pkg/ — the provider layer compiled by tsc
 * (JavaScript plus type declarations, the source tree's layout kept so module-relative paths still
 * resolve), a package.json stub carrying the version the modules read, and the capability fixture
 * corpus the contract check calls providers with. Exit 2 with tsc's diagnostics when it fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, WORLDFORGE_VERSION } from '../src/worldforge/evidence/suite/repo.ts';
import { CORPUS_DIR } from '../src/worldforge/fixtures/load.ts';

/** Where the package build goes; `files` in package.json ships exactly this folder. */
export const PACKAGE_DIR = 'dist-pkg';

const out = join(REPO_ROOT, PACKAGE_DIR);
rmSync(out, { recursive: true, force: true });
const tsc = spawnSync('npx', ['--no-install', 'tsc', '-p', 'tsconfig.package.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
if (tsc.status !== 0) {
  process.stderr.write(`worldforge package: tsc failed\n${tsc.stdout}${tsc.stderr}`);
  process.exit(2);
}
// Modules resolve the package root four folders above src/worldforge/evidence/suite/: dist-pkg/.
writeFileSync(
  join(out, 'package.json'),
  `${JSON.stringify({ name: 'worldforge-dist', version: WORLDFORGE_VERSION, type: 'module', private: true }, null, 2)}\n`,
);
cpSync(join(REPO_ROOT, CORPUS_DIR), join(out, CORPUS_DIR), { recursive: true });
process.stderr.write(`worldforge package: built ${PACKAGE_DIR}/\n`);
