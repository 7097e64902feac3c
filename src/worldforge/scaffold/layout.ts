/**
 * Where a provider scaffold lives: every path `npx worldforge scaffold provider` writes, the shape
 * of its runtime manifest stub, and the identifier spellings derived from the provider id. The
 * scaffold writer, the workbench and the check rule `runtime-manifest-stub` all read this module,
 * so a scaffold's layout is spelled once.
 */
import { z } from 'zod';
import { CAPABILITIES, type Capability } from '../capabilities/index.ts';
import { capabilitySchema, envVarNameSchema, providerIdSchema } from '../schema/primitives.ts';

/** Folder of scaffold stubs under content/ (the check reads content/, so the stub rule sees them). */
export const SCAFFOLD_CONTENT_DIR = 'content/scaffolds';

/** Repository-relative paths of every file a scaffold of `name` consists of. */
export function scaffoldPaths(name: string, capabilities: readonly Capability[]) {
  return {
    module: `src/worldforge/providers/${name}.ts`,
    test: `tests/unit/providers/${name}.test.ts`,
    fixtures: capabilities.flatMap((c) => [fixturePlaceholderPath(name, c, 'success'), fixturePlaceholderPath(name, c, 'error')]),
    runtimeStub: runtimeStubPath(name),
    docs: `src/content/docs/scaffolds/${name}.md`,
    checklist: `${SCAFFOLD_CONTENT_DIR}/${name}/workbench.md`,
  };
}

/** Placeholder fixture: not a recorded exchange (those live in fixtures/providers/<name>/ and are replayed). */
export const fixturePlaceholderPath = (name: string, capability: Capability, outcome: 'success' | 'error') =>
  `fixtures/scaffolds/${name}/${capability}-${outcome}.placeholder.json`;

export const runtimeStubPath = (name: string) => `${SCAFFOLD_CONTENT_DIR}/${name}/runtime-manifest.stub.json`;

/** `content/scaffolds/<name>/runtime-manifest.stub.json` → `<name>`, or null for any other path. */
export function stubProviderOf(path: string): string | null {
  const match = /^content\/scaffolds\/([a-z][a-z0-9-]*)\/runtime-manifest\.stub\.json$/.exec(path);
  return match?.[1] ?? null;
}

/** The id a stub carries: deliberately not `<name>:schema-<n>`, so no run manifest or entry can cite it validly. */
export const stubId = (name: string) => `${name}:stub`;

/**
 * A runtime manifest stub: what the scaffold knows (planned capabilities, env var names) and the
 * fields a real runtime manifest still needs. `incomplete: true` is the marker the check refuses
 * as evidence; a stub never becomes a manifest by editing it — the real one is written in the
 * provider module and the stub deleted.
 */
export const runtimeManifestStubSchema = () =>
  z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*:stub$/, { message: 'must be <provider>:stub' }),
    provider: providerIdSchema(),
    incomplete: z.literal(true),
    runtime_ownership: z.enum(['remote-api', 'prepared-host']),
    planned_capabilities: z.array(capabilitySchema()).min(1),
    env_vars: z.array(envVarNameSchema()),
    missing: z.array(z.string().min(1)).min(1),
    note: z.string().min(1),
  });
export type RuntimeManifestStub = z.infer<ReturnType<typeof runtimeManifestStubSchema>>;

/** The fields a real runtime manifest needs that a scaffold cannot know (see providers/runtime-manifest.ts). */
export const STUB_MISSING_FIELDS = [
  'default_model',
  'host_owned_artifacts',
  'artifact_lifetime',
  'smoke_commands',
  'triage',
  'known_limitations',
] as const;

/** `my-model` → `MyModel` (class names). */
export const pascalCase = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** `my-model` → `myModel` (exported constants). */
export const camelCase = (name: string) => {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
};

/** `my-model` → `MY_MODEL` (the default env var prefix). */
export const envPrefix = (name: string) => name.toUpperCase().replaceAll('-', '_');

/** Capabilities in canonical order, without repeats. */
export const orderedCapabilities = (capabilities: readonly Capability[]): Capability[] =>
  CAPABILITIES.filter((c) => capabilities.includes(c));
