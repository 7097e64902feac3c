#!/usr/bin/env node
// Entry point of `npx worldforge`. The CLI is TypeScript; tsx's loader runs it without a build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));

// The CLI imports the generated registry indexes (check rules, evidence kinds). `evidence generate`
// rewrites them from their folders BEFORE the CLI is loaded, so a rule or kind added (or removed)
// since the last run is picked up by this very run.
if (argv[0] === 'evidence' && (argv[1] === undefined || argv[1] === 'generate' || argv[1].startsWith('-'))) {
  const { writeRegistryIndexes } = await import('../src/worldforge/registry-index.ts');
  for (const path of writeRegistryIndexes(root)) process.stderr.write(`worldforge: regenerated ${path}\n`);
}

let main;
try {
  ({ main } = await import('../scripts/wf.ts'));
} catch (error) {
  // A registry index that names a module which no longer exists fails the import itself.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(
    `worldforge: ${String(error.message).split('\n')[0].replaceAll(root, '')}\nA registry index may name a removed module: run \`npm run evidence\` to regenerate the indexes.\n`,
  );
  process.exit(2);
}
process.exitCode = await main(argv);
