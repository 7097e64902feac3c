import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Rule tests live beside their rules (src/worldforge/checks/rules/<rule-id>.test.ts).
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The check and CLI tests copy the repository and spawn the CLI; keep them from starving the
    // 2-core CI machine.
    maxWorkers: 2,
  },
});
