#!/usr/bin/env node
// Entry point of `npx worldforge`. The CLI is TypeScript; it runs from a pre-bundled build that is
// rebuilt whenever a source differs from the one it was built from (bin/cli-bundle.mjs).
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { userCacheFolder } from '../src/worldforge/user-cache.mjs';
import { loadCli } from './cli-bundle.mjs';

const argv = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));

// Node's on-disk compile cache (keyed by each module's source) spares every run compiling the
// bundle and its packages again: about a quarter of the start-up. It is compiled code, so it lives
// in this user's cache folder (like the check caches' sealing key, src/worldforge/sealed-file.ts),
// never in the checkout, where a branch could commit one.
// The folder is made here, level by level (user-cache.mjs): Node's own recursive mkdir never
// returns under some homes (HOME=/proc), and then every run hung; without the folder, no cache.
const compileCache = userCacheFolder('node-compile');
if (compileCache) module.enableCompileCache?.(compileCache);

// The CLI imports the generated registry indexes (check rules, evidence kinds). `evidence generate`
// rewrites them from their folders BEFORE the CLI is loaded, so a rule or kind added (or removed)
// since the last run is picked up by this very run (a rewritten index makes the bundle stale).
if (argv[0] === 'evidence' && (argv[1] === undefined || argv[1] === 'generate' || argv[1].startsWith('-'))) {
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: 'worldforge-registry-index' });
  const { writeRegistryIndexes } = await api.import('../src/worldforge/registry-index.ts', import.meta.url);
  for (const path of writeRegistryIndexes(root)) process.stderr.write(`worldforge: regenerated ${path}\n`);
  await api.unregister();
}

let main;
try {
  ({ main } = await loadCli(root));
} catch (error) {
  // A registry index that names a module which no longer exists fails the import itself.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(
    `worldforge: ${String(error.message).split('\n')[0].replaceAll(root, '')}\nA registry index may name a removed module: run \`npm run evidence\` to regenerate the indexes.\n`,
  );
  process.exit(2);
}
process.exitCode = await main(argv);
