/**
 * Provider-owned operational data (`ProviderOperations`): who must declare it, that it agrees with
 * the profile and runtime manifest derived from it, that the adapters read only the env vars they
 * declare, and that the smoke CLI is built from it alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../src/worldforge/fixtures/schema.ts';
import {
  CATALOG,
  catalogProfiles,
  createProvider,
  operationsOf,
  PROVIDER_NAMES,
  SMOKE_PROVIDER_NAMES,
} from '../../src/worldforge/providers/catalog.ts';
import { envNamesFor, requiredEnvVars } from '../../src/worldforge/providers/operations.ts';
import { runtimeManifestSchema } from '../../src/worldforge/providers/runtime-manifest.ts';
import { SMOKE_PREREQUISITES, smokeCommands, smokeEnvNames, smokeSkip } from '../../src/worldforge/providers/smoke-spec.ts';
import { REPLAY_API_KEY, REPLAY_POLICY, successExchanges, withReplay } from '../../src/worldforge/evidence/suite/replay.ts';
import { smokeCommands as smokeCli } from '../../scripts/smoke-cli.ts';
import { REPO } from '../helpers/repo-copy.ts';

const profiles = catalogProfiles();
const profileOf = (name: string) => profiles.find((p) => p.name === name)!;

describe('who declares operations', () => {
  it('every provider that is not checkout-safe and advertises a capability declares a smoke spec of exactly its capabilities', () => {
    for (const profile of profiles) {
      const needs = profile.runtime_ownership !== 'checkout-safe' && profile.capabilities.length > 0;
      const operations = CATALOG[profile.name]!.operations;
      expect(Boolean(operations), profile.name).toBe(needs);
      if (!operations) continue;
      expect(
        operations.smoke.requests.map((r) => r.capability),
        profile.name,
      ).toEqual(profile.capabilities);
      expect(CATALOG[profile.name]!.runtime, `${profile.name} has operations, so a runtime manifest`).not.toBeNull();
    }
    expect(SMOKE_PROVIDER_NAMES).toEqual(PROVIDER_NAMES.filter((name) => CATALOG[name]!.operations));
  });
});

describe.each(SMOKE_PROVIDER_NAMES)('%s operations', (name) => {
  const operations = operationsOf(name);
  const { smoke } = operations;
  const declared = operations.env.map((v) => v.name);

  it('declares each env var once; aliases stand in for a declared variable that is not an alias', () => {
    expect(new Set(declared).size).toBe(declared.length);
    for (const variable of operations.env.filter((v) => v.alias_of)) {
      const target = operations.env.find((v) => v.name === variable.alias_of);
      expect(target, variable.name).toBeDefined();
      expect(target!.alias_of, variable.name).toBeUndefined();
    }
  });

  it('every env var the smoke spec reads is declared; the credential is secret, the origin is not', () => {
    expect(declared).toContain(smoke.baseUrlVar);
    expect(operations.env.find((v) => v.name === smoke.baseUrlVar)!.secret).toBe(false);
    if (smoke.credentialVar) {
      expect(declared).toContain(smoke.credentialVar);
      for (const alias of envNamesFor(operations, smoke.credentialVar))
        expect(operations.env.find((v) => v.name === alias)!.secret, alias).toBe(true);
    }
    for (const variable of smokeEnvNames(operations)) expect(declared).toContain(variable);
  });

  it('the profile and runtime manifest restate nothing: their env fields and smoke commands are the derived ones', () => {
    const runtime = runtimeManifestSchema().parse(CATALOG[name]!.runtime);
    expect(profileOf(name).required_env_vars).toEqual(requiredEnvVars(operations));
    expect(runtime.provider).toBe(name);
    expect(runtime.env_vars).toEqual(operations.env);
    expect(runtime.optional_env_vars.map((v) => v.name)).toEqual(operations.env.filter((v) => v.role === 'optional').map((v) => v.name));
    expect(runtime.smoke_commands).toEqual(smokeCommands(name, smoke));
    for (const { command } of runtime.smoke_commands) expect(command).toMatch(new RegExp(`^npx worldforge smoke ${name}\\b`));
    expect(runtime.smoke_commands.map((c) => c.capability)).toEqual(profileOf(name).capabilities);
  });

  it('without its prerequisite the smoke is a typed skip naming the variable; with it, a call', () => {
    const skip = smokeSkip(name, operations, {});
    const variable = smoke.requires === 'credentials' ? smoke.credentialVar : smoke.baseUrlVar;
    expect(skip).toEqual({
      reason: SMOKE_PREREQUISITES[smoke.requires].reason,
      status: `skipped_${SMOKE_PREREQUISITES[smoke.requires].reason}`,
      message: expect.stringContaining(`${name} was not called: ${variable}`),
    });
    expect(CATALOG[name]!.runtime!.smoke_skip).toEqual({ status: skip!.status, message: skip!.message });
    for (const alias of envNamesFor(operations, variable)) expect(smokeSkip(name, operations, { [alias]: 'set-123456' }), alias).toBeNull();
    // `--base-url` stands in for an endpoint, never for a credential.
    expect(smokeSkip(name, operations, {}, 'http://127.0.0.1:9') === null).toBe(smoke.requires === 'endpoint');
  });

  it('recorded exchanges its skip message cites for an offline rehearsal exist', () => {
    const cited = smokeSkip(name, operations, {})!.message.match(/fixtures\/providers\/[^\s`]+\.json/g) ?? [];
    for (const path of cited) expect(existsSync(join(REPO, path)), path).toBe(true);
  });

  // Bridge providers start a runtime instead of calling an endpoint: tests/unit/bridge-doctor.test.ts covers them.
  it.skipIf(Boolean(CATALOG[name]!.bridge))('the adapter reads only declared env vars, and reads the ones its spec names', async () => {
    const read = new Set<string>();
    const exchange = successExchanges(name)[0]!;
    await withReplay(exchange.interactions, async (server) => {
      // Only what the smoke needs is set, so the adapter goes on to read every optional name.
      const values: Record<string, string> = { [smoke.baseUrlVar]: server.origin };
      if (smoke.requires === 'credentials') values[smoke.credentialVar] = REPLAY_API_KEY;
      const env = new Proxy(values, {
        get: (target, key) => {
          if (typeof key === 'string') read.add(key);
          return typeof key === 'string' ? target[key] : undefined;
        },
      });
      const provider = createProvider(name, { env, policy: REPLAY_POLICY });
      await provider.call(exchange.capability, decodeRequest(exchange.request));
    });
    for (const variable of read) expect(declared, `${name} read ${variable}`).toContain(variable);
    expect([...read]).toEqual(expect.arrayContaining([smoke.baseUrlVar, ...(smoke.credentialVar ? [smoke.credentialVar] : [])]));
  });

  it('the smoke CLI offers a subcommand with exactly the spec capabilities, the first as default', () => {
    const command = smokeCli(() => {}).commands.find((c) => c.name() === name);
    expect(command, name).toBeDefined();
    const option = (command!.options as Option[]).find((o) => o.long === '--capability')!;
    expect(option.argChoices).toEqual(smoke.requests.map((r) => r.capability));
    expect(option.defaultValue).toBe(smoke.requests[0]!.capability);
    expect(command!.description()).toContain(`typed skip without ${SMOKE_PREREQUISITES[smoke.requires].label}`);
  });
});

describe('smoke CLI', () => {
  it('has one provider subcommand per smoke spec, and no other', () => {
    const names = smokeCli(() => {}).commands.map((c) => c.name());
    expect(names.filter((n) => PROVIDER_NAMES.includes(n))).toEqual(SMOKE_PROVIDER_NAMES);
  });
});
