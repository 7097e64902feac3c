/**
 * The benchmark preset format: one JSON file per preset under `content/benchmarks/presets/<id>.json`,
 * and the input files it names (`content/benchmarks/inputs/*.json`). A preset is data, not code, so
 * `benchmark list`, the deterministic evidence and the site all read the same definition, and a
 * reviewer sees what a preset runs, what success looks like and when it may fail in one file.
 */
import { z } from 'zod';
import { CAPABILITIES } from '../capabilities/index.ts';
import { capabilitySchema, providerIdSchema, repoPathSchema } from '../schema/primitives.ts';

export const PRESET_SCHEMA = 'worldforge.benchmark-preset@1';
export const INPUTS_SCHEMA = 'worldforge.benchmark-inputs@1';

/** What a preset is for; decides where it may run (a checkout, a replay, a prepared host, a release). */
export const PRESET_CATEGORIES = ['checkout-safe', 'remote-media', 'prepared-host', 'release'] as const;

/**
 * Which providers a preset measures: a fixed list, or every catalog provider that advertises the
 * preset's operations with the given runtime ownership (prepared-host runtimes arrive as catalog
 * entries; a preset never names a provider that may not exist).
 */
export const providerSelectionSchema = () =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('named'), names: z.array(providerIdSchema()).min(1) }),
    z.strictObject({ kind: z.literal('by-capability'), runtime: z.enum(['remote-api', 'prepared-host']) }),
  ]);
export type ProviderSelection = z.infer<ReturnType<typeof providerSelectionSchema>>;

export const presetSchema = () =>
  z
    .strictObject({
      /** Always `worldforge.benchmark-preset@1`. */
      schema: z.literal(PRESET_SCHEMA),
      /** Preset id; equals the file name. */
      id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'lower-case letters, digits and dashes only' }),
      /** One line for lists and page titles. */
      title: z.string().min(5),
      category: z.enum(PRESET_CATEGORIES),
      /** What the preset measures and why it exists. */
      description: z.string().min(20),
      providers: providerSelectionSchema(),
      /** Capability operations measured, each with exactly one request among `inputs`. */
      operations: z.array(capabilitySchema()).min(1),
      /** Input files (repository paths) holding the requests; digested into every report. */
      inputs: z.array(repoPathSchema()).min(1),
      /** Measured calls per operation and sample. */
      iterations: z.int().min(1).max(10_000),
      /** Calls in flight at once (1 = sequential). */
      concurrency: z.int().min(1).max(64),
      /** Unmeasured calls before each sample. */
      warmup_iterations: z.int().min(0).max(1_000),
      /** Independent samples per operation; budgets gate on their median. */
      samples: z.int().min(1).max(50),
      /** Also time each operation with contract validation bypassed (the parser-overhead figure). */
      measure_validation_overhead: z.boolean(),
      /** Budget file (repository path) checked by `benchmark run`, or null. */
      budget: repoPathSchema().nullable(),
      /** The command that runs it. */
      command: z.string().startsWith('npx worldforge benchmark run --preset '),
      /** What a successful run prints or writes. */
      success_signal: z.string().min(10),
      /** When the preset may legitimately fail or skip. */
      may_fail_when: z.string().min(10),
      /** What its numbers do NOT show. */
      claim_boundary: z.string().min(20),
    })
    .refine((p) => new Set(p.operations).size === p.operations.length, { message: 'operations must not repeat', path: ['operations'] })
    .refine((p) => p.command === `npx worldforge benchmark run --preset ${p.id}`, {
      message: 'command must be `npx worldforge benchmark run --preset <id>`',
      path: ['command'],
    });
export type Preset = z.infer<ReturnType<typeof presetSchema>>;

/**
 * One input file: a request per operation, in the fixture encodings (`$base64`, `$number`). Generate
 * and transfer inputs live in separate files so each is digested, reviewed and reused on its own.
 */
export const inputsSchema = () =>
  z.strictObject({
    schema: z.literal(INPUTS_SCHEMA),
    /** What the requests represent. */
    description: z.string().min(10),
    /** Requests keyed by operation. */
    requests: z.partialRecord(z.enum(CAPABILITIES), z.json()).refine((r) => Object.keys(r).length > 0, {
      message: 'at least one request',
    }),
  });
export type BenchmarkInputs = z.infer<ReturnType<typeof inputsSchema>>;
