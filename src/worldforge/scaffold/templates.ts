/**
 * The text of every file a provider scaffold writes. Pure functions of the scaffold's options, so
 * the writer can validate and build every file before it writes any, and tests can read the texts
 * without touching the disk. Generated TypeScript is already in the repository's Biome format.
 */
import { canonicalJson } from '../digest.ts';
import { PROMOTION_LEVELS, requirementsOf } from '../promotion/requirements.ts';
import { ROUTES } from '../site/routes.ts';
import type { Capability } from '../capabilities/index.ts';
import { camelCase, pascalCase, type RuntimeManifestStub, STUB_MISSING_FIELDS, scaffoldPaths, stubId } from './layout.ts';

export interface ScaffoldOptions {
  /** Provider id (lower-case, dashes). */
  name: string;
  /** Planned capabilities, canonical order, no repeats. None is advertised by the scaffold. */
  capabilities: Capability[];
  /** Remote API (credentials, endpoint) or a local prepared-host runtime. */
  runtime: 'remote-api' | 'prepared-host';
  /** Env var names the adapter will read (names only). */
  envVars: string[];
}

const LINE_WIDTH = 140;

/**
 * `<head>[...items];` laid out the way Biome formats it: one line when it fits the line width,
 * else one item per line with a trailing comma, so a generated file passes `npm run lint` as is.
 */
function arrayStatement(head: string, items: readonly string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  const line = `${head}[${quoted.join(', ')}];`;
  return line.length <= LINE_WIDTH ? line : `${head}[\n${quoted.map((q) => `  ${q},\n`).join('')}];`;
}

export function providerModule(o: ScaffoldOptions): string {
  const id = camelCase(o.name);
  return `/**
 * \`${o.name}\`: a provider scaffold (written by \`npx worldforge scaffold provider\`). It reserves the
 * name and advertises nothing: every capability, planned ones included, fails closed with
 * \`unsupported_capability\`. It is not executable and not in the catalog until the promotion
 * criteria pass (${ROUTES.selectionPromotionRules}); \`npx worldforge workbench ${o.name}\` lists what is missing.
 */
import type { Capability } from '../capabilities/index.ts';
import { type CapabilityHandlers, Provider } from './base.ts';
import type { ProviderProfile } from './profile.ts';

/** Capabilities this adapter is meant to implement. Planned, not advertised. */
${arrayStatement(`export const ${id}PlannedCapabilities: readonly Capability[] = `, o.capabilities)}

/** Env vars the adapter will read once implemented (names only, never values). */
${arrayStatement(`export const ${id}PlannedEnvVars: readonly string[] = `, o.envVars)}

export const ${id}Profile: ProviderProfile = {
  name: '${o.name}',
  capabilities: [],
  maturity: 'scaffold',
  runtime_ownership: '${o.runtime}',
  deterministic: true,
  required_env_vars: [],
  description: 'Scaffold: the name is reserved and every capability fails closed until the promotion criteria pass.',
};

export class ${pascalCase(o.name)}Provider extends Provider {
  readonly profile = ${id}Profile;
  /** Empty on purpose: an implementation lands together with the evidence that advertises it. */
  protected readonly handlers: CapabilityHandlers = {};
}
`;
}

export function providerTest(o: ScaffoldOptions): string {
  const id = camelCase(o.name);
  const cls = `${pascalCase(o.name)}Provider`;
  return `/**
 * Tests of the \`${o.name}\` scaffold: its profile is a valid scaffold profile that advertises
 * nothing, every capability (planned ones included) fails closed with the typed unsupported error,
 * and its fixture placeholders exist. Replace these with adapter tests when it is implemented.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../src/worldforge/capabilities/index.ts';
import { UnsupportedCapabilityError } from '../../../src/worldforge/errors.ts';
import { repoPath } from '../../../src/worldforge/evidence/suite/repo.ts';
import { PROVIDER_NAMES } from '../../../src/worldforge/providers/catalog.ts';
import { providerProfileSchema } from '../../../src/worldforge/providers/profile.ts';
import * as scaffold from '../../../src/worldforge/providers/${o.name}.ts';
import { fixturePlaceholderPath } from '../../../src/worldforge/scaffold/layout.ts';

const name = '${o.name}';
const profile = scaffold.${id}Profile;
const planned = scaffold.${id}PlannedCapabilities;

describe(\`\${name} scaffold\`, () => {
  it('has a valid scaffold profile that advertises nothing', () => {
    expect(providerProfileSchema().parse(profile)).toMatchObject({ name, maturity: 'scaffold', capabilities: [] });
    expect(planned.length).toBeGreaterThan(0);
  });

  it.each(CAPABILITIES)('%s fails closed with unsupported_capability', async (capability) => {
    const provider = new scaffold.${cls}();
    expect(provider.supports(capability)).toBe(false);
    await expect(provider.call(capability, {})).rejects.toBeInstanceOf(UnsupportedCapabilityError);
  });

  it('is not registered in the catalog while it is a scaffold', () => {
    expect(PROVIDER_NAMES).not.toContain(name);
  });

  it('keeps a success and an error placeholder per planned capability', () => {
    for (const capability of planned) {
      for (const outcome of ['success', 'error'] as const) {
        const path = fixturePlaceholderPath(name, capability, outcome);
        expect(existsSync(repoPath(path)), path).toBe(true);
      }
    }
  });
});
`;
}

export function fixturePlaceholder(o: ScaffoldOptions, capability: Capability, outcome: 'success' | 'error'): string {
  return canonicalJson({
    placeholder: true,
    provider: o.name,
    capability,
    outcome,
    note:
      o.runtime === 'remote-api'
        ? `Placeholder, not evidence. Record a real ${outcome} exchange under fixtures/providers/${o.name}/ (replayed on 127.0.0.1) and delete this file.`
        : `Placeholder, not evidence. Replace with an injected-runtime ${outcome} case in the provider's tests and delete this file.`,
  });
}

export function runtimeStub(o: ScaffoldOptions): string {
  const stub: RuntimeManifestStub = {
    id: stubId(o.name),
    provider: o.name,
    incomplete: true,
    runtime_ownership: o.runtime,
    planned_capabilities: o.capabilities,
    env_vars: o.envVars,
    missing: [...STUB_MISSING_FIELDS],
    note: 'Incomplete stub: not a runtime manifest and never evidence (rule runtime-manifest-stub). Write the real manifest in the provider module, then delete this file.',
  };
  return canonicalJson(stub);
}

export function docsStub(o: ScaffoldOptions): string {
  return `---
title: ${o.name} (scaffold)
description: A reserved provider name. Not executable until the promotion criteria pass.
---

:::caution[Not executable]
\`${o.name}\` is a scaffold. It advertises no capability and every call fails closed with
\`unsupported_capability\`. It is not in the provider catalog and nothing here is evidence. It becomes
executable only when the [promotion criteria](${ROUTES.selectionPromotionRules}) for \`experimental\` pass.
:::

- Planned capabilities: ${o.capabilities.map((c) => `\`${c}\``).join(', ')}
- Runtime: \`${o.runtime}\`
- Env vars it will read: ${o.envVars.length ? o.envVars.map((v) => `\`${v}\``).join(', ') : 'none'}

Run \`npx worldforge workbench ${o.name}\` to see the evidence still missing for the next status.
`;
}

export function checklist(o: ScaffoldOptions): string {
  const paths = scaffoldPaths(o.name, o.capabilities);
  const levels = PROMOTION_LEVELS.map((level) =>
    [
      `## ${level}`,
      '',
      ...requirementsOf(level).map((r) => `- [ ] ${r.text} (\`${r.id}\`): ${r.how.replaceAll('<name>', o.name)}`),
      '',
    ].join('\n'),
  );
  return `# Workbench checklist: ${o.name}

Written by \`npx worldforge scaffold provider\`. The live status is \`npx worldforge workbench ${o.name}\`;
this list is the same promotion requirements (${ROUTES.selectionPromotionRules}) to tick in a pull request.

Scaffold files:
${Object.values(paths)
  .flat()
  .map((p) => `- \`${p}\``)
  .join('\n')}

${levels.join('\n')}
Validation: \`npm run check && npx vitest run ${paths.test} && npm run typecheck\`
`;
}
