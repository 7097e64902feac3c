/**
 * The runtime bridge protocol (`worldforge-bridge`, version 1): JSON lines over the stdio of a
 * host-owned runtime process. The TypeScript provider never imports torch or loads weights; the
 * host runs a command (e.g. `JEPA_WMS_RUNTIME_COMMAND`) that speaks this protocol in any language.
 *
 * 1. The runtime writes one `hello` line: protocol and runtime versions, model, device, methods.
 * 2. The client writes `request` lines with ids; the runtime answers each with one `response`
 *    line carrying the same id and either `result` or `error: {type, message}`.
 * 3. The client writes `shutdown`; the runtime exits. A runtime that does not is killed.
 *
 * Every line is one JSON object of at most `MAX_MESSAGE_BYTES` bytes. JSON has no NaN or
 * ±Infinity: a runtime that must report one writes `{"$number": "NaN"}` (the fixture corpus's
 * encoding), and the client decodes it so the provider can refuse it as a non-finite output.
 * These schemas are the one definition; `evidence/schemas/runtime-bridge.schema.json` is exported
 * from them so a host can validate its runtime without reading TypeScript.
 */
import { z } from 'zod';

export const BRIDGE_PROTOCOL = 'worldforge-bridge';
export const BRIDGE_PROTOCOL_VERSION = 1;
export const BRIDGE_SCHEMA = 'worldforge.runtime-bridge@1';

/** Largest line either side may send, in bytes (UTF-8, newline excluded). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Methods a runtime may offer. `health` is mandatory; `score` and `policy` back the capabilities. */
export const BRIDGE_METHODS = ['health', 'score', 'policy'] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

/**
 * Error types a runtime reports in `error.type`. The client maps them to typed error codes;
 * any other string is accepted and reported as `provider_error` with the runtime's type quoted.
 */
export const RUNTIME_ERROR_TYPES = {
  /** The model name is unknown or its checkpoint is missing or failed to load. */
  model_not_found: 'model_unavailable',
  /** The runtime refused the request's content (shapes, missing fields). */
  invalid_request: 'provider_error',
  /** The method is not offered by this runtime. */
  unsupported_method: 'provider_error',
  /** Inference itself failed. */
  inference_failed: 'provider_error',
} as const;

/** A nested numeric array as carried on the wire (leaves may be `{"$number": …}` before decoding). */
export type WireTensor = number | { $number: 'NaN' | 'Infinity' | '-Infinity' } | WireTensor[];
export const wireTensorSchema: z.ZodType<WireTensor> = z.lazy(() =>
  z.union([z.number(), z.strictObject({ $number: z.enum(['NaN', 'Infinity', '-Infinity']) }), z.array(wireTensorSchema)]),
);

const errorSchema = () =>
  z.strictObject({
    /** A machine-readable type (see `RUNTIME_ERROR_TYPES`); free text is accepted. */
    type: z.string().min(1).max(100),
    /** A human-readable message; never a secret or a host path. */
    message: z.string().max(2000),
  });

/** The first line a runtime writes. */
export const helloSchema = () =>
  z.strictObject({
    type: z.literal('hello'),
    /** Always `worldforge-bridge`. */
    protocol: z.literal(BRIDGE_PROTOCOL),
    /** The protocol version the runtime speaks; the client refuses any other. */
    protocol_version: z.int().positive(),
    /** Name and version of the runtime program (e.g. `jepa-wms-host 0.1.0`). */
    runtime: z.strictObject({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }),
    /** The model the runtime serves, and whether it loaded. `null`: the runtime was given none. */
    model: z.strictObject({ name: z.string().min(1).max(200), loaded: z.boolean() }).nullable(),
    /** Device the runtime runs on (`cpu`, `cuda:0`, `mps`, …). */
    device: z.string().min(1).max(50),
    /** Methods the runtime answers. */
    methods: z.array(z.enum(BRIDGE_METHODS)).min(1),
  });
export type Hello = z.infer<ReturnType<typeof helloSchema>>;

/** `health` params: none. */
export const healthParamsSchema = () => z.strictObject({});
/** `health` result: whether the model is ready, and why not. */
export const healthResultSchema = () =>
  z.strictObject({
    ready: z.boolean(),
    /** Model name served, or null. */
    model: z.string().nullable(),
    /** One sentence; when not ready, what is missing (never a host path or secret). */
    detail: z.string().max(2000),
  });

/** `score` params: the capability request plus the model to use. */
export const scoreParamsSchema = () =>
  z.strictObject({
    model: z.string().min(1),
    info: z.record(z.string(), z.json()),
    /** Candidates in the layout the provider documents (e.g. `(1, samples, horizon, dim)`). */
    action_candidates: wireTensorSchema,
  });
/** `score` result: one cost (or score) per candidate; the provider checks shape and finiteness. */
export const scoreResultWireSchema = () =>
  z.strictObject({
    scores: wireTensorSchema,
    lower_is_better: z.boolean(),
    best_index: z.int().min(0).optional(),
    metadata: z.record(z.string(), z.json()).default({}),
  });

/** `policy` params: the observation info, model and optional horizon. */
export const policyParamsSchema = () =>
  z.strictObject({
    model: z.string().min(1),
    info: z.record(z.string(), z.json()),
    action_horizon: z.int().positive().optional(),
  });
/** `policy` result: raw actions as a tensor; the host's action translator turns them into actions. */
export const policyResultWireSchema = () =>
  z.strictObject({
    raw_actions: wireTensorSchema,
    embodiment_tag: z.string().min(1).optional(),
    metadata: z.record(z.string(), z.json()).default({}),
  });

/** Params and result schema per method. */
export const METHOD_SCHEMAS = {
  health: { params: healthParamsSchema, result: healthResultSchema },
  score: { params: scoreParamsSchema, result: scoreResultWireSchema },
  policy: { params: policyParamsSchema, result: policyResultWireSchema },
} as const satisfies Record<BridgeMethod, { params: () => z.ZodType; result: () => z.ZodType }>;

/** A client → runtime request. */
export const requestSchema = () =>
  z.strictObject({
    type: z.literal('request'),
    /** Unique per connection; the response repeats it. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    method: z.enum(BRIDGE_METHODS),
    params: z.record(z.string(), z.unknown()),
  });

/** A runtime → client response: exactly one of `result` and `error`. */
export const responseSchema = () =>
  z.union([
    z.strictObject({ type: z.literal('response'), id: z.string().min(1), result: z.record(z.string(), z.unknown()) }),
    z.strictObject({ type: z.literal('response'), id: z.string().min(1), error: errorSchema() }),
  ]);
export type Response = z.infer<ReturnType<typeof responseSchema>>;

/** Client → runtime: finish and exit. */
export const shutdownSchema = () => z.strictObject({ type: z.literal('shutdown') });

/** Any line a runtime may write after its hello. */
export const runtimeMessageSchema = () => responseSchema();

/** Every message of the protocol, by direction: what the exported JSON Schema describes. */
export const bridgeProtocolSchema = () =>
  z.strictObject({
    protocol: z.literal(BRIDGE_PROTOCOL),
    protocol_version: z.literal(BRIDGE_PROTOCOL_VERSION),
    max_message_bytes: z.literal(MAX_MESSAGE_BYTES),
    runtime_to_client: z.union([helloSchema(), responseSchema()]),
    client_to_runtime: z.union([requestSchema(), shutdownSchema()]),
    methods: z.strictObject({
      health: z.strictObject({ params: healthParamsSchema(), result: healthResultSchema() }),
      score: z.strictObject({ params: scoreParamsSchema(), result: scoreResultWireSchema() }),
      policy: z.strictObject({ params: policyParamsSchema(), result: policyResultWireSchema() }),
    }),
  });

const NON_FINITE = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY } as const;

/** Decodes `{"$number": …}` leaves into numbers (NaN, ±Infinity) so shape checks see them. */
export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const marker = (value as { $number?: unknown }).$number;
    if (keys.length === 1 && typeof marker === 'string' && marker in NON_FINITE) return NON_FINITE[marker as keyof typeof NON_FINITE];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeWire(v)]));
  }
  return value;
}
