import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Rule tests live beside their rules (src/worldforge/checks/rules/<rule-id>.test.ts).
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // A timeout is a hang detector, not a speed assertion (speed is shown by `npm run bench` and
    // the bench scripts): generous, so a loaded 2-core runner does not fail a correct test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The check and CLI tests copy the repository and spawn the CLI; keep them from starving the
    // 2-core CI machine.
    maxWorkers: 2,
    // The bundled CLI (.cache/cli/*.mjs, plain ES modules) is loaded by Node itself, as the bin
    // loads it: run through Vite's transform pipeline, each in-process CLI run (a new module
    // instance) transformed 800 KB of JavaScript again.
    server: { deps: { external: [/\/\.cache\/cli\//] } },
  },
});
