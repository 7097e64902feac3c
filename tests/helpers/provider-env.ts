/**
 * Keeps the developer's shell out of provider tests: every env var a catalog provider (or its
 * vendor SDK) declares in its operations is removed from `process.env` before each test and
 * restored after it. The names come from the provider modules, so a new provider's variables are
 * cleared without editing any test.
 */
import { afterEach, beforeEach } from 'vitest';
import { providerEnvVarNames } from '../../src/worldforge/providers/catalog.ts';

/** Registers the hooks in the calling test file (or describe block). */
export function isolateProviderEnv(names: readonly string[] = providerEnvVarNames()): void {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const name of names) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of names)
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
  });
}

/** A copy of `env` without any provider variable (what a child CLI process of a test gets). */
export function withoutProviderEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const names = new Set(providerEnvVarNames());
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name)));
}
