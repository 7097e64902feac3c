/**
 * `cosmos`: media generation through an NVIDIA Cosmos NIM endpoint (`COSMOS_BASE_URL`). A call
 * checks `GET /v1/health/ready`, then `POST /v1/infer` (one attempt) and expects the video inline
 * as base64. Responses that only point at an artifact URL are refused with `unsupported_artifact`:
 * this adapter has no downloader for them, and fetching arbitrary URLs would need its own
 * retention and redaction story.
 */
import { z } from 'zod';
import type { CapabilityRequest, CapabilityResult } from '../capabilities/index.ts';
import { InvalidInputError, ProviderError } from '../errors.ts';
import { Provider, type CapabilityHandlers } from './base.ts';
import { describeTarget, expectOk, jsonBody, readWithRetry, sendOnce, upstreamText } from './http.ts';
import { requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { envValue, joinUrl, resolvePolicy, type RemoteProviderOptions } from './remote.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';
import { SMOKE_REQUESTS, smokeCommand } from './smoke-spec.ts';

const NAME = 'cosmos';
const BASE_URL = 'COSMOS_BASE_URL';
const API_KEY = 'NVIDIA_API_KEY';

/** The env vars cosmos reads and how it is smoked; the profile and runtime manifest derive from it. */
export const cosmosOperations = {
  env: [
    {
      name: BASE_URL,
      role: 'required',
      secret: false,
      purpose: 'Origin of the Cosmos NIM (without /v1): a GPU host or a hosted endpoint.',
    },
    {
      name: API_KEY,
      role: 'optional',
      secret: true,
      purpose: 'Bearer token for hosted endpoints; self-hosted NIMs usually need none.',
    },
  ],
  smoke: {
    requires: 'endpoint',
    baseUrlVar: BASE_URL,
    credentialVar: API_KEY,
    remedy: 'Point it at a running Cosmos NIM (origin without /v1) and re-run.',
    requests: [SMOKE_REQUESTS.generate],
  },
} satisfies ProviderOperations;

export const cosmosProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['generate'],
  maturity: 'experimental',
  runtime_ownership: 'remote-api',
  deterministic: false,
  required_env_vars: requiredEnvVars(cosmosOperations),
  description: 'NVIDIA Cosmos NIM video generation over HTTP; the host owns the endpoint (and its key) and keeps returned media.',
};

const smoke = smokeCommand(NAME, cosmosOperations.smoke, 'generate');
const smokeJson = smokeCommand(NAME, cosmosOperations.smoke, 'generate', { json: true });

export const cosmosRuntimeManifest: RuntimeManifest = {
  id: 'cosmos:schema-1',
  ...operationalFields(NAME, cosmosOperations),
  default_model: 'Cosmos-Predict1-7B-Text2World',
  host_owned_artifacts: [
    'the Cosmos NIM endpoint (GPU host or hosted API) and its key',
    'generated video files under .worldforge/runs/<run-id>/artifacts/',
  ],
  artifact_lifetime:
    'The NIM returns the video inline (base64) in the inference response, so nothing upstream has to stay reachable: the bytes exist only in the response and in the files the host keeps. Responses that carry only an artifact URL are refused as unsupported_artifact instead of being fetched later.',
  triage: [
    {
      error_code: 'provider_not_configured',
      command: smoke,
      note: `Prints that ${BASE_URL} is missing; point it at the NIM origin (without /v1).`,
    },
    {
      error_code: 'auth_failed',
      command: smokeJson,
      note: `The endpoint refused the bearer token; check ${API_KEY} for hosted endpoints.`,
    },
    {
      error_code: 'task_failed',
      command: smokeJson,
      note: 'The NIM reported a failed or rejected inference; read its detail (prompt guardrails, sizes).',
    },
    {
      error_code: 'retry_exhausted',
      command: `curl -sf "$${BASE_URL}/v1/health/ready"`,
      note: 'The health check failed on every attempt: the NIM is down, still loading, or unreachable.',
    },
    {
      error_code: 'malformed_response',
      command: 'npx worldforge evidence generate --only exchanges/cosmos',
      note: 'The response lacked valid base64 video or a ready status: compare with fixtures/providers/cosmos/.',
    },
    {
      error_code: 'unsupported_artifact',
      command: smokeJson,
      note: 'The NIM answered with an artifact URL instead of inline video; configure it to return b64_video.',
    },
    {
      error_code: 'unsupported_media_type',
      command: smokeJson,
      note: 'The decoded payload is not an MP4 or WebM container; check the NIM version.',
    },
    {
      error_code: 'upstream_timeout',
      command: smokeJson,
      note: 'Inference exceeded the request timeout; shorten the clip or raise the timeout.',
    },
    {
      error_code: 'artifact_too_large',
      command: smokeJson,
      note: 'The inline video exceeds the size cap (256 MiB, or the policy cap when smaller); shorten the clip or lower the resolution.',
    },
  ],
  known_limitations: [
    'Only inline base64 responses are supported; artifact URLs are refused.',
    'Width and height must be multiples of 8 (from options.ratio, default 1280:720).',
    'video2world (a conditioning video) is not wired: GenerationOptions has no video field.',
  ],
};

const DEFAULT_SIZE = { width: 1280, height: 720 };
const DEFAULT_FPS = 24;
const DEFAULT_SEED = 4;
const FAILED_STATUSES = new Set(['failed', 'failure', 'error', 'rejected']);
const URL_FIELDS = ['artifact_url', 'artifact_uri', 'output_url', 'video_url', 'artifacts', 'outputs'];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * Largest inline video accepted, in decoded bytes (the policy's artifact cap applies too, when
 * smaller). The video arrives base64 inside one JSON string, and a JS string holds at most about
 * 512 Mi characters: without a cap below that, a large answer would crash the parse instead of
 * failing with a typed error.
 */
export const COSMOS_INLINE_MAX_BYTES = 256 * 1024 ** 2;
/** Room for the JSON fields around `b64_video`. */
const ENVELOPE_BYTES = 64 * 1024;
/** Longest health body read (a status object). */
const HEALTH_MAX_BYTES = 64 * 1024;

const healthSchema = z.looseObject({ status: z.string() });
const inferSchema = z.looseObject({
  b64_video: z.unknown().optional(),
  seed: z.int().optional(),
  upsampled_prompt: z.string().optional(),
  status: z.string().optional(),
});

/** The container type of a decoded video by its signature, or null. */
function sniffContainer(bytes: Uint8Array): string | null {
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp') return 'video/mp4';
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'video/webm';
  return null;
}

export class CosmosProvider extends Provider {
  readonly profile = cosmosProfile;
  readonly #options: RemoteProviderOptions;

  constructor(options: RemoteProviderOptions = {}) {
    super(options);
    this.#options = options;
  }

  protected readonly handlers: CapabilityHandlers = {
    generate: async (request: CapabilityRequest<'generate'>): Promise<CapabilityResult<'generate'>> => {
      const env = this.#options.env ?? process.env;
      const baseUrl = this.#options.baseUrl ?? envValue(env, BASE_URL);
      const apiKey = this.#options.apiKey ?? envValue(env, API_KEY);
      if (!baseUrl) throw new ProviderError('provider_not_configured', `cosmos needs an endpoint: set ${BASE_URL} to the NIM origin.`);
      const policy = resolvePolicy({ timeoutMs: 300_000, ...this.#options.policy });
      const { options } = request;
      const [width, height] = options.ratio
        ? (options.ratio.split(':').map(Number) as [number, number])
        : [DEFAULT_SIZE.width, DEFAULT_SIZE.height];
      if (width % 8 !== 0 || height % 8 !== 0) {
        throw new InvalidInputError(`cosmos needs width and height that are multiples of 8 (options.ratio ${options.ratio}).`, [
          { path: 'options.ratio', message: 'width and height must be multiples of 8, e.g. 1280:720' },
        ]);
      }
      const fps = options.fps ?? DEFAULT_FPS;
      const framesCount = Math.max(1, Math.round(request.duration_seconds * fps));
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (apiKey) headers.authorization = `Bearer ${apiKey}`;

      const healthUrl = joinUrl(baseUrl, '/v1/health/ready');
      const healthTarget = describeTarget('GET', healthUrl);
      const healthResponse = await readWithRetry('GET', healthUrl, { headers }, policy);
      await expectOk(healthResponse, healthTarget);
      const health = healthSchema.safeParse(
        await jsonBody(healthResponse, healthTarget, { maxBytes: HEALTH_MAX_BYTES, code: 'malformed_response' }),
      );
      if (!health.success) throw new ProviderError('malformed_response', `${healthTarget} answered without a status field.`);
      if (health.data.status !== 'ready')
        throw new ProviderError('provider_error', `${healthTarget} reports status '${upstreamText(health.data.status, 80)}', not 'ready'.`);

      const mode = options.image ? 'image2world' : 'text2world';
      const model = options.model ?? cosmosRuntimeManifest.default_model;
      const body = {
        ...options.extras,
        prompt: request.prompt,
        seed: options.seed ?? DEFAULT_SEED,
        video_params: { height, width, frames_count: framesCount, frames_per_sec: fps },
        ...(options.negative_prompt ? { negative_prompt: options.negative_prompt } : {}),
        ...(options.image ? { image: options.image } : {}),
      };
      const inferUrl = joinUrl(baseUrl, '/v1/infer');
      const inferTarget = describeTarget('POST', inferUrl);
      const response = await sendOnce('POST', inferUrl, { headers, body: JSON.stringify(body) }, policy);
      await expectOk(response, inferTarget);
      const maxVideoBytes = Math.min(policy.maxArtifactBytes, COSMOS_INLINE_MAX_BYTES);
      // base64 takes 4 characters per 3 bytes; the body cap bounds memory before anything is parsed.
      const raw = await jsonBody(response, inferTarget, {
        maxBytes: Math.ceil(maxVideoBytes / 3) * 4 + ENVELOPE_BYTES,
        code: 'artifact_too_large',
      });
      const parsed = inferSchema.safeParse(raw);
      if (!parsed.success) throw new ProviderError('malformed_response', `${inferTarget} answered with an unexpected shape.`);
      const data = parsed.data;
      const record = raw as Record<string, unknown>;
      if (data.status && FAILED_STATUSES.has(data.status.toLowerCase())) {
        const detail = ['error', 'message', 'detail', 'reason'].map((k) => record[k]).find((v) => typeof v === 'string') as
          | string
          | undefined;
        throw new ProviderError(
          'task_failed',
          `${inferTarget} reports status '${upstreamText(data.status, 80)}': ${upstreamText(detail ?? 'no detail')}.`,
        );
      }
      if (data.b64_video === undefined && URL_FIELDS.some((k) => record[k] !== undefined)) {
        throw new ProviderError(
          'unsupported_artifact',
          `${inferTarget} returned an artifact URL instead of inline base64 video; this adapter only accepts b64_video.`,
        );
      }
      if (typeof data.b64_video !== 'string' || data.b64_video.length % 4 !== 0 || !BASE64.test(data.b64_video)) {
        throw new ProviderError('malformed_response', `${inferTarget} answered without valid base64 in b64_video.`);
      }
      const decodedBytes = (data.b64_video.length / 4) * 3 - (data.b64_video.match(/=+$/)?.[0].length ?? 0);
      if (decodedBytes > maxVideoBytes) {
        throw new ProviderError(
          'artifact_too_large',
          `${inferTarget} returned ${decodedBytes} bytes of inline video; the cap is ${maxVideoBytes}.`,
        );
      }
      const bytes = new Uint8Array(Buffer.from(data.b64_video, 'base64'));
      const contentType = sniffContainer(bytes);
      if (!contentType)
        throw new ProviderError('unsupported_media_type', `${inferTarget} returned b64_video that is not an MP4 or WebM container.`);
      return {
        frames: [bytes],
        fps,
        resolution: { width, height },
        duration_seconds: Math.round((framesCount / fps) * 1e6) / 1e6,
        content_type: contentType,
        metadata: {
          provider: this.name,
          model,
          mode,
          seed: data.seed ?? body.seed,
          upsampled_prompt: data.upsampled_prompt !== undefined,
        },
      };
    },
  };
}
