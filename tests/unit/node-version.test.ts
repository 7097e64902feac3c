import { expect, it } from 'vitest';

// npm scripts must run on the Node 22 that the `node` devDependency installs; if its preinstall
// was skipped, tools silently fall back to the system Node and Astro/vitest break in odd ways.
it('runs on Node 22', () => {
  expect(process.versions.node).toMatch(/^22\./);
});
